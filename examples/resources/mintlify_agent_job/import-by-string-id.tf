# Mintlify never returns a job's prompt, so leave prompt out of an imported
# job (or add the prompt it was started with: the next apply records it
# without starting a new job).
import {
  to = mintlify_agent_job.example
  id = "my-project-id/8f2a6c1e9b7d4e3a"
}

resource "mintlify_agent_job" "example" {
}
