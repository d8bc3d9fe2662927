package org.truthline.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.truthline.forms.FormDefinition;
import org.truthline.forms.FormField;
import org.truthline.forms.FormRegistry;
import org.truthline.identity.Role;
import org.truthline.task.TaskCompletionHandler;
import org.truthline.task.TaskKind;

/** Cross-file invariants between the BPMN files, the Spring beans, the forms, the roles and the taxonomy. */
class ProcessModelGuardTest extends ProcessTestSupport {

    private static final Path PROCESSES = Path.of("processes");

    @Autowired
    ApplicationContext context;
    @Autowired
    FormRegistry forms;
    @Autowired
    List<TaskCompletionHandler> handlers;

    @Test
    void processHeaders_areComplete() throws IOException {
        for (Path file : bpmnFiles()) {
            Collection<Process> processes = model(file).getModelElementsByType(Process.class);
            assertThat(processes).as(file.toString()).hasSize(1);
            Process process = processes.iterator().next();
            assertThat(process.isExecutable()).as(file + " isExecutable").isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString()).as(file + " historyTimeToLive").isNotBlank();
            assertThat(process.getId()).isEqualTo(file.getFileName().toString().replace(".bpmn", ""));
        }
    }

    @Test
    void everyDelegateExpressionResolvesToBean() throws IOException {
        for (Path file : bpmnFiles()) {
            BpmnModelInstance model = model(file);
            List<String> expressions = new ArrayList<>();
            model.getModelElementsByType(ServiceTask.class).forEach(t -> {
                assertThat(t.getCamundaClass()).as(t.getId() + " uses camunda:class").isNull();
                assertThat(t.getCamundaDelegateExpression()).as(t.getId() + " delegateExpression").isNotNull();
                expressions.add(t.getCamundaDelegateExpression());
            });
            model.getModelElementsByType(CamundaTaskListener.class)
                    .forEach(l -> expressions.add(l.getCamundaDelegateExpression()));
            for (String expression : expressions) {
                String bean = expression.replace("${", "").replace("}", "");
                assertThat(context.containsBean(bean)).as(file + ": bean " + bean).isTrue();
            }
        }
    }

    @Test
    void userTasks_referToFormsAndRoles() throws IOException {
        for (Path file : bpmnFiles()) {
            for (UserTask task : model(file).getModelElementsByType(UserTask.class)) {
                String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
                assertThat(forms.find(formRef)).as(task.getId() + " formRef " + formRef).isPresent();
                assertThat(TaskKind.fromTaskDefinitionKey(task.getId())).as(task.getId() + " TaskKind").isPresent();
                String groups = task.getCamundaCandidateGroups();
                if (groups != null) {
                    for (String group : groups.split(",")) {
                        assertThat(Role.fromId(group.strip())).as(task.getId() + " candidate group " + group).isPresent();
                    }
                }
            }
        }
    }

    @Test
    void everyFormFieldHandledByItsTaskHandler() {
        Map<TaskKind, TaskCompletionHandler> byKind = handlers.stream()
                .collect(Collectors.toMap(TaskCompletionHandler::kind, Function.identity()));
        for (TaskKind kind : TaskKind.values()) {
            TaskCompletionHandler handler = byKind.get(kind);
            assertThat(handler).as("handler for " + kind).isNotNull();
            Set<String> inputs = forms.require(kind.formId()).inputs().stream().map(FormField::key)
                    .collect(Collectors.toSet());
            assertThat(handler.fieldKeys()).as(kind + " fields").isEqualTo(inputs);
        }
    }

    @Test
    void gradeAndQualityOptionsMatchTaxonomy() throws IOException {
        JsonNode taxonomy = new ObjectMapper().readTree(Path.of("config/taxonomies/finding-severity.json").toFile());
        List<String> grades = new ArrayList<>();
        taxonomy.path("grades").forEach(g -> grades.add(g.path("value").asText() + "|" + g.path("label").asText()));
        List<String> qualities = new ArrayList<>();
        taxonomy.path("qualities").forEach(q -> qualities.add(q.path("value").asText() + "|" + q.path("label").asText()));
        assertThat(taxonomy.path("agreement").isObject()).isTrue();
        for (FormDefinition form : forms.all()) {
            form.field("grade").ifPresent(f -> assertThat(options(f)).as(form.id() + " grade").isEqualTo(grades));
            form.field("quality").ifPresent(f -> assertThat(options(f)).as(form.id() + " quality").isEqualTo(qualities));
        }
    }

    @Test
    void everyElementHasReadableIdAndDiagramShape() throws IOException {
        for (Path file : bpmnFiles()) {
            BpmnModelInstance model = model(file);
            Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                    .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
            Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                    .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                assertThat(node.getId()).as(file + " id").matches("(Task|Gateway|Event|CallActivity)_[A-Z][A-Za-z]+");
                assertThat(node.getName()).as(node.getId() + " name").isNotBlank();
                assertThat(shapes).as(file + " shape for " + node.getId()).contains(node.getId());
            }
            for (BaseElement flow : model.getModelElementsByType(SequenceFlow.class)) {
                assertThat(flow.getId()).matches("Flow_[A-Z][A-Za-z]+");
                assertThat(edges).as(file + " edge for " + flow.getId()).contains(flow.getId());
            }
        }
    }

    private static List<String> options(FormField field) {
        return field.options().stream().map(o -> o.value() + "|" + o.label()).toList();
    }

    private static List<Path> bpmnFiles() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            List<Path> bpmn = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
            assertThat(bpmn).isNotEmpty();
            return bpmn;
        }
    }

    private static BpmnModelInstance model(Path file) {
        return Bpmn.readModelFromFile(file.toFile());
    }
}
