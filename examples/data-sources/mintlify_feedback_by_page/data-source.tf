# The pages readers found least helpful.
data "mintlify_feedback_by_page" "all" {
  source = "contextual"
}

output "least_helpful" {
  value = [for p in data.mintlify_feedback_by_page.all.pages : p.path if p.thumbs_down > p.thumbs_up]
}
