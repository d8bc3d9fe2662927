package org.truthline.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/** Parsing of truthline.dicomweb.allowed-origins, without a server. */
class DicomwebCorsOriginsTest {

    @Test
    void emptyList_disablesCors() {
        assertThat(DicomwebCors.source("")).isNull();
        assertThat(DicomwebCors.source(" , ")).isNull();
        assertThat(DicomwebCors.source(null)).isNull();
    }

    @Test
    void origins_applyToDicomwebOnly() {
        CorsConfigurationSource source = DicomwebCors.source("https://viewer.example.org/, http://localhost:3000");

        CorsConfiguration dicomweb = source.getCorsConfiguration(
                new MockHttpServletRequest("GET", "/dicomweb/studies"));
        CorsConfiguration api = source.getCorsConfiguration(new MockHttpServletRequest("GET", "/api/projects"));

        assertThat(dicomweb.getAllowedOrigins()).containsExactly("https://viewer.example.org", "http://localhost:3000");
        assertThat(dicomweb.getAllowCredentials()).isTrue();
        assertThat(dicomweb.getAllowedMethods()).containsExactly("GET", "HEAD");
        assertThat(api).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "viewer.example.org", "https://viewer.example.org/ohif", "ftp://viewer.example.org",
            "https://viewer.example.org?x=1", "https://user@viewer.example.org"})
    void invalidOrigin_isRejectedWithValue(String origin) {
        assertThatThrownBy(() -> DicomwebCors.source("http://localhost:3000," + origin))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truthline.dicomweb.allowed-origins")
                .hasMessageContaining("'" + origin + "'");
    }
}
