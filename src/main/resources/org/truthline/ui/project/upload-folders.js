// Folder support for one <vaadin-upload> 24.9 element. UploadFolderScript runs this file with executeJs, so
// `this` is the element and $0 is the "Upload folder..." button inside its add-button slot. It returns whether
// the browser can pick folders, and does nothing on a second run for the same element.
const upload = this;
const folderButton = $0;
const input = upload.shadowRoot ? upload.shadowRoot.querySelector('input[type="file"]') : null;
const canPickFolders = input !== null && 'webkitdirectory' in input;
if (upload.__truthlineFolders) {
  return canPickFolders;
}
upload.__truthlineFolders = true;

// vaadin-upload 24.9 has no property for folder selection. Its add-button slot opens the hidden file input of its
// shadow DOM, so a click on the folder button switches that input to folder selection before the component
// opens it, and a click on any other button switches it back. The listeners capture, so they run first.
const choosePickerMode = (event) => {
  if (input !== null) {
    input.webkitdirectory = canPickFolders && folderButton.contains(event.target);
  }
};
folderButton.parentElement.addEventListener('click', choosePickerMode, true);
folderButton.parentElement.addEventListener('touchend', choosePickerMode, true);

// Browsers send only a file's name. For a file from a folder, the path inside that folder becomes the multipart
// file name instead, as when a form submits a folder input. The server then keeps IM0001 of one sub-folder
// apart from IM0001 of another.
upload.addEventListener('upload-request', (event) => {
  const file = event.detail.file;
  const path = file.truthlinePath || file.webkitRelativePath;
  if (path) {
    event.detail.formData.set(file.formDataName, file, path);
  }
});

// The component's own drop handling loses folder paths and, in Chromium, reads at most 100 entries of each
// folder, because it calls readEntries only once. A drop that contains a folder is therefore read here, with
// every entry and its path, and handed to the component's file queue. Drops of plain files stay with the
// component.
const readAllEntries = (reader) => new Promise((resolve) => {
  const entries = [];
  const readNext = () => reader.readEntries((chunk) => {
    if (chunk.length === 0) {
      resolve(entries);
    } else {
      entries.push(...chunk);
      readNext();
    }
  }, () => resolve(entries));
  readNext();
});
const filesOf = async (entry, unreadable) => {
  const path = entry.fullPath.replace(/^\/+/, '');
  if (entry.isFile) {
    const file = await new Promise((resolve) => entry.file(resolve, () => resolve(null)));
    if (file === null) {
      unreadable.push(path);
      return [];
    }
    file.truthlinePath = path;
    return [file];
  }
  const children = await readAllEntries(entry.createReader());
  const files = await Promise.all(children.map((child) => filesOf(child, unreadable)));
  return files.flat();
};
upload.addEventListener('drop', (event) => {
  if (upload.nodrop || upload.disabled || typeof upload._addFiles !== 'function' || !event.dataTransfer) {
    return;
  }
  // Entries are only available while the drop event is dispatched, so they are collected right away.
  const entries = Array.from(event.dataTransfer.items || [])
      .map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null))
      .filter((entry) => entry !== null);
  if (!entries.some((entry) => entry.isDirectory)) {
    return;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
  upload.dispatchEvent(new Event('dragleave'));
  const unreadable = [];
  Promise.all(entries.map((entry) => filesOf(entry, unreadable))).then((filesPerEntry) => {
    const files = filesPerEntry.flat();
    if (unreadable.length > 0) {
      upload.dispatchEvent(new CustomEvent('truthline-upload-unreadable', {detail: {paths: unreadable.join(', ')}}));
    }
    // NOTE: _addFiles is the private method that the component's own drop and file input handlers call. It
    // applies the size and count checks and starts the uploads. The guard above leaves drops to the component
    // when a later version renames it.
    upload._addFiles(files);
  });
}, true);

// Reports how many files are in the list, uploaded and failed, at most every 250 ms, so that the server can
// show the counts and keep the import disabled while files are still queued or uploading.
let timer = null;
let pending = false;
const report = () => {
  const files = upload.files;
  upload.dispatchEvent(new CustomEvent('truthline-upload-counts', {detail: {
    selected: files.length,
    uploaded: files.filter((file) => file.complete).length,
    failed: files.filter((file) => !file.complete && file.error).length,
  }}));
};
const scheduleReport = () => {
  if (timer !== null) {
    pending = true;
    return;
  }
  report();
  timer = setTimeout(() => {
    timer = null;
    if (pending) {
      pending = false;
      scheduleReport();
    }
  }, 250);
};
for (const name of ['files-changed', 'upload-start', 'upload-success', 'upload-error']) {
  upload.addEventListener(name, scheduleReport);
}
return canPickFolders;
