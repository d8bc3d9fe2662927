package org.truthline.ui;

import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.login.LoginOverlay;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.truthline.identity.LoginThrottlingProperties;

/**
 * Sign-in page for the Vaadin UI and the Camunda webapps. The form posts to {@code /login}, where Spring
 * Security checks the password. After a failed attempt Spring Security redirects to {@code /login?error}.
 */
@Route("login")
@PageTitle("Sign in - Truthline")
@AnonymousAllowed
public class LoginView extends LoginOverlay implements BeforeEnterObserver {

    public LoginView(LoginThrottlingProperties loginThrottling) {
        LoginI18n i18n = LoginI18n.createDefault();
        // The default i18n of Vaadin 24.9 has no header object; without one the title cannot be set.
        i18n.setHeader(new LoginI18n.Header());
        i18n.getHeader().setTitle("Truthline");
        i18n.getHeader().setDescription("Expert-grade labels for medical images");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        // Camunda does not tell a wrong password from a sign-in still delayed after one, so the message covers both.
        i18n.getErrorMessage().setMessage("Invalid user name or password, or sign-in is delayed after failed"
                + " attempts. Try again in " + loginThrottling.maxLoginDelaySeconds() + " s.");
        setI18n(i18n);
        setAction("login");
        setForgotPasswordButtonVisible(false);
        setOpened(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        setError(failed);
    }
}
