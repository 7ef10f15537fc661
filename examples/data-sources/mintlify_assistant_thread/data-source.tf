# The whole transcript of the newest conversation.
data "mintlify_assistant_conversations" "recent" {}

data "mintlify_assistant_thread" "newest" {
  id = data.mintlify_assistant_conversations.recent.conversations[0].id
}

output "transcript" {
  value = [for m in data.mintlify_assistant_thread.newest.messages : "${m.role}: ${m.content}"]
}
