package provider

import (
	"testing"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

// TestAccAnalytics_dateRange refuses a range that ends before it starts at
// validate, before any call counts against the hourly limit.
func TestAccAnalytics_dateRange(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.expectNoRequests(t)
	testBadConfigs(t, map[string]badConfig{
		"dates": {env.config(`data "mintlify_feedback" "x" {
  date_from = "2026-12-02"
  date_to   = "2026-12-01"
}`), errorLike("Invalid date range", "date_from (2026-12-02) is after date_to (2026-12-01)")},
		"times": {env.config(`data "mintlify_page_views" "x" {
  date_from = "2026-12-01T12:00:00Z"
  date_to   = "2026-12-01T08:00:00Z"
}`), errorLike("Invalid date range")},
	})
}
