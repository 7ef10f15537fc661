# Where readers ask the assistant from.
data "mintlify_assistant_caller_stats" "all" {}

output "asked_through_the_api" {
  value = data.mintlify_assistant_caller_stats.all.api
}
