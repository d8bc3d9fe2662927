package org.truthline.dicomweb;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.truthline.project.ProjectService;

/** The base URL of the PACS DICOMweb service each project pulls from ({@code project.dicomweb_url}). */
@Service
public class ProjectDicomwebUrls {

    private final JdbcClient jdbc;
    private final ProjectService projects;

    public ProjectDicomwebUrls(JdbcClient jdbc, ProjectService projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    public Optional<String> get(long projectId) {
        projects.get(projectId);
        return jdbc.sql("SELECT dicomweb_url FROM project WHERE id = ?").param(projectId).query(String.class)
                .optional();
    }

    /**
     * Sets or, with a null or blank value, clears the project's DICOMweb URL; a trailing slash is dropped.
     *
     * @throws IllegalArgumentException when the value is not an absolute http or https URL
     */
    public void assign(long projectId, String url) {
        projects.get(projectId);
        String value = url == null || url.isBlank() ? null : normalize(url.strip());
        jdbc.sql("UPDATE project SET dicomweb_url = ? WHERE id = ?").params(value, projectId).update();
    }

    private static String normalize(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DICOMweb URL '" + url + "' is not a valid URL: " + e.getMessage(), e);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("DICOMweb URL '" + url + "' must be an absolute http or https URL, "
                    + "for example http://pacs.example.org:8042/dicom-web.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("DICOMweb URL '" + uri.getScheme() + "://" + uri.getHost()
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "...' contains a user name or password. Remove "
                    + "them: Truthline sends no credentials to the PACS and would show them in imports and logs.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("DICOMweb URL '" + url + "' must not have a query or fragment.");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
