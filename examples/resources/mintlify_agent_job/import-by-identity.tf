# Terraform 1.12 and later: import by identity, with no ID string to build.
# project_id may be left out: the provider's project_id applies.
import {
  to = mintlify_agent_job.example
  identity = {
    project_id = "my-project-id"
    id         = "8f2a6c1e9b7d4e3a"
  }
}

resource "mintlify_agent_job" "example" {
}
