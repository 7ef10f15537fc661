# The feedback of the last week that no one has handled yet.
data "mintlify_feedback" "open" {
  status    = "pending,in_progress"
  date_from = formatdate("YYYY-MM-DD", timeadd(plantimestamp(), "-168h"))
}

output "pages_with_open_feedback" {
  value = distinct([for f in data.mintlify_feedback.open.feedback : f.path])
}
