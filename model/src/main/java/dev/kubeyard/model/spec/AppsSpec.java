package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The platform's applications. Each section is filled in by its own feature. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"elasticsearch", "sqlserver", "gitlab", "pythonService"})
public record AppsSpec(
    ElasticsearchSpec elasticsearch,
    SqlServerSpec sqlserver,
    GitlabSpec gitlab,
    PythonServiceSpec pythonService) {}
