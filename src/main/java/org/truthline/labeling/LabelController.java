package org.truthline.labeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.truthline.identity.Role;
import org.truthline.process.EngineAuthentication;

/**
 * Finalized labels and their histories, for auditors, leads, experts, adjudicators and admins. Contributors get
 * 403 so that they never see other readers' work.
 */
@RestController
@RequestMapping("/api/labels")
class LabelController {

    private static final Set<Role> READERS = Set.of(Role.AUDITOR, Role.LEAD, Role.EXPERT, Role.ADJUDICATOR, Role.ADMIN);

    /** A label with its provenance and its history, oldest event first. */
    record LabelHistoryResponse(FinalLabel label, JsonNode provenance, List<LabelHistory.Event> events) {
    }

    private final FinalLabelRepository labels;
    private final LabelHistory history;
    private final IdentityService identityService;
    private final ObjectMapper mapper;

    LabelController(FinalLabelRepository labels, LabelHistory history, IdentityService identityService,
            ObjectMapper mapper) {
        this.labels = labels;
        this.history = history;
        this.identityService = identityService;
        this.mapper = mapper;
    }

    @GetMapping
    List<FinalLabel> list(@RequestParam(required = false) Long projectId, Principal principal) {
        requireReader(principal);
        return labels.list(projectId);
    }

    @GetMapping("/{id}/history")
    LabelHistoryResponse history(@PathVariable long id, Principal principal) {
        requireReader(principal);
        FinalLabel label = labels.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No final label has the id " + id + "."));
        try {
            JsonNode provenance = mapper.readTree(labels.provenance(id).orElse("{}"));
            return new LabelHistoryResponse(label, provenance, history.forImage(label.imageId()));
        } catch (IOException e) {
            throw new UncheckedIOException("Provenance of label " + id + " is not valid JSON", e);
        }
    }

    private void requireReader(Principal principal) {
        if (principal == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to read labels.");
        }
        Set<String> roles = rolesOf(principal.getName());
        if (READERS.stream().noneMatch(r -> roles.contains(r.id()))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Labels are readable by auditors, leads, experts, adjudicators and admins only.");
        }
    }

    /** Returns role ids from the ROLE_ authorities, or from Camunda's groups when the authorities carry none. */
    private Set<String> rolesOf(String userId) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Set<String> roles = authentication == null ? Set.of() : authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toSet());
        if (roles.stream().anyMatch(r -> Role.fromId(r).isPresent())) {
            return roles;
        }
        return EngineAuthentication.asSystem(identityService, () -> identityService.createGroupQuery()
                .groupMember(userId).list().stream().map(Group::getId).collect(Collectors.toSet()));
    }
}
