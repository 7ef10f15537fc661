# Every job of the provider's project.
data "mintlify_agent_jobs" "all" {}

# Only the jobs that failed since the start of the year.
data "mintlify_agent_jobs" "recent_failures" {
  status        = "failed"
  created_after = "2026-01-01T00:00:00Z"
}

output "open_pull_requests" {
  value = [for job in data.mintlify_agent_jobs.all.jobs : job.pr_link if job.status == "completed" && job.pr_link != null]
}

output "failure_reasons" {
  value = { for job in data.mintlify_agent_jobs.recent_failures.jobs : job.id => job.message_to_user }
}
