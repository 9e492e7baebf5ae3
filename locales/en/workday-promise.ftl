# The service's promised answer time and its automatic first reply, on the
# client's check page (src/promise, src/intake/views.rs).
promise-check-answer-time = Answer time
promise-check-within = { $days ->
    [one] We answer within { $days } working day.
   *[other] We answer within { $days } working days.
}
promise-check-waiting-since = Waiting for an answer since
promise-thread-auto = Automatic reply from the service
