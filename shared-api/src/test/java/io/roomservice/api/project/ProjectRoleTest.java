package io.roomservice.api.project;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The role names of the room notices are the reference's: PROJECT.ADMIN is "Project Admin". */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectRoleTest {

    @Test
    void notices_name_each_project_role_with_the_word_project() {
        assertThat(ProjectRole.ADMIN.label()).isEqualTo("Project Admin");
        assertThat(ProjectRole.MANAGER.label()).isEqualTo("Project Manager");
        assertThat(ProjectRole.MEMBER.label()).isEqualTo("Project Member");
    }
}
