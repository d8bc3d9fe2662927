package org.truthline.process;

/** A deployed process or decision definition named by key and version, as recorded in provenance and audit. */
public record ProcessDefinitionRef(String key, int version) {

    @Override
    public String toString() {
        return key + ":" + version;
    }
}
