// Package e2e holds the end-to-end tests: the real terraform (or tofu)
// binary, a provider built and installed from a local mirror, and the
// emulator, as users run them. Its command e2ebench is the benchmark.
package e2e
