package wait

// MaxOffset is the schedule's largest offset, for the tests' bounds.
const MaxOffset = maxOffset
