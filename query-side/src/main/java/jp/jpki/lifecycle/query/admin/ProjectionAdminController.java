package jp.jpki.lifecycle.query.admin;

import java.util.List;
import jp.jpki.lifecycle.query.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators' view of the read models: where each stands, and a rebuild from the event store on demand. */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private final ProjectionRebuilds rebuilds;

    ProjectionAdminController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    List<ProjectionRebuilds.Report> projections() {
        return rebuilds.reports();
    }

    @PostMapping("/{name}/rebuild")
    ResponseEntity<ProjectionRebuilds.Report> rebuild(@PathVariable String name) {
        return rebuilds.rebuild(name).map(report -> ResponseEntity.accepted().body(report))
                .orElseThrow(() -> Problems.notFound("Unknown projection", "projections are " + jp.jpki.lifecycle.query.ProcessingGroups.PROJECTIONS));
    }
}
