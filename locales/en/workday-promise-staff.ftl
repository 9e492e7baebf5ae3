# A service's promised answer time, automatic reply and reminders, on staff
# pages and in the late notice (src/promise, src/notify/late.rs).
promise-form-heading = Answer time and automatic reply
promise-form-hint = Clients see the promised answer time when they check their case. A case still new after it waits past the promised time is marked in the queue, and members with an e-mail address are told once a day that the service has such cases. The automatic reply is added to a written contact request, in the client's language or, if there is none in it, in Finnish for plain Finnish, in Swedish for easy Swedish and in English for the others; leave a language empty for no reply in it.
services-field-answer-days = Promised answer time, in working days
services-hint-answer-days = 1 to 60 working days (Monday to Friday, not Finnish public holidays), counted from the day the case came. Leave empty for no promise.
promise-field-auto-reply-in = Automatic reply in { $language }
promise-error-answer-days = Give the answer time as a whole number of working days from 1 to 60, or leave it empty.
promise-error-auto-reply = The automatic reply may be at most 1000 characters long.
promise-queue-late = Past the promised time
promise-queue-count = Past the promised time
promise-case-hint = { $days ->
    [one] The service promises to answer within { $days } working day of the day the case came.
   *[other] The service promises to answer within { $days } working days of the day the case came.
}
promise-case-auto-reply = Automatic reply of the service
promise-notify-subject = cases waiting past the promised time
promise-notify-intro = Some cases in these services in suoja wait past the promised answer time:
stats-metric-answered-in-time = Cases answered within the promised time
stats-line-answered-in-time = First reply within the promised time
