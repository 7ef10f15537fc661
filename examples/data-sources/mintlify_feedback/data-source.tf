# The newest 250 entries of the last week that no one has handled yet, in 3
# calls however many readers left.
data "mintlify_feedback" "open" {
  status    = "pending,in_progress"
  date_from = formatdate("YYYY-MM-DD", timeadd(plantimestamp(), "-168h"))
  max_items = 250
}

output "pages_with_open_feedback" {
  value = distinct([for f in data.mintlify_feedback.open.feedback : f.path])
}
