# How many people, and how many AI bots, read the docs this month.
data "mintlify_visitors" "month" {
  date_from = formatdate("YYYY-MM-01", plantimestamp())
}

output "human_visitors" {
  value = data.mintlify_visitors.month.totals.human
}

output "ai_visitors" {
  value = data.mintlify_visitors.month.totals.ai
}
