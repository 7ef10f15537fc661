# What readers searched for this month without finding anything to click,
# among the 100 most searched terms (one call).
data "mintlify_searches" "month" {
  date_from = formatdate("YYYY-MM-01", plantimestamp())
  max_items = 100
}

output "unanswered_searches" {
  value = [for s in data.mintlify_searches.month.searches : s.query if s.ctr == 0]
}
