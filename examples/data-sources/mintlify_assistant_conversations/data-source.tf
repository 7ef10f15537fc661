# The questions the assistant could not answer.
data "mintlify_assistant_conversations" "recent" {
  date_from = formatdate("YYYY-MM-DD", timeadd(plantimestamp(), "-168h"))
}

output "unanswered_questions" {
  value = [for c in data.mintlify_assistant_conversations.recent.conversations : c.query if c.resolution_status == "unanswered"]
}
