/**
 * Authentication, roles and access control. Users and groups live in Camunda's identity service, so the Vaadin UI,
 * the REST API and the Camunda webapps (Cockpit, Tasklist, Admin) share one login, and a {@link
 * org.truthline.identity.Role} is at once a Camunda group, a BPMN candidate group and a Spring Security
 * authority.
 *
 * <p>Public API for other packages: {@link org.truthline.identity.Role}, {@link
 * org.truthline.identity.UserDirectory} and {@link org.truthline.identity.LoginThrottlingProperties}. The
 * security configuration, the filters and the engine plugins are internal.
 */
package org.truthline.identity;
