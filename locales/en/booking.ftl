## Booking: clients

booking-link = Would you rather book a time for a call, or join a group? Book here.
booking-title = Book a time: { $service }
booking-intro = Choose a free time or a group. You do not need to give your name. What you write here is sealed so that only the counsellors of this service can read it.
booking-zone-note = Times are local time ({ $city }).
booking-zone-note-finland = Times are in Finnish time.
booking-zone-note-utc = Times are in UTC.
booking-choose = Time
booking-times = Times for a call
booking-choose-group = Group
booking-none-free = There are no free times to book at the moment.
booking-none-free-title = There are no free times or groups right now
booking-none-free-later = Our counsellors publish new times and groups on this page. Please look again in a few days.
booking-none-free-write = You can also write to us now: send a message
booking-groups = Groups
booking-seats-free = { $label } ({ $n ->
    [one] 1 place free
   *[other] { $n } places free
})
booking-group-detail = { $meetings ->
    [one] 1 meeting
   *[other] { $meetings } meetings
}, { $first } – { $last }, { $free ->
    [one] 1 place free
   *[other] { $free } places free
}
booking-group-meetings = Meetings
booking-group-name-hint = The name you would like to be called in the group. Any name will do; it need not be your real one.
booking-group-submit = Sign up for the group
booking-call = Who calls
booking-call-we_call = We call you
booking-call-you_call = You call us
booking-line-number = Our line's number: { $phone }
booking-phone = Your phone number (if we call you)
booking-phone-hint = Only the counsellors can read it. Leave it empty if you call us.
booking-topic = Topic (optional)
booking-topic-none = No topic
booking-submit = Book this time
booking-taken = Sorry, someone else just took that time. Please choose another one; everything else you typed is kept.
booking-group-full = Sorry, the last place in that group has just gone. Please choose another group or a time; everything else you typed is kept.
booking-error-choice = Choose a time.
booking-error-group = Choose a group.
booking-error-call = Choose who calls.
booking-error-phone = Give a phone number we can call (digits, spaces and + - ( ) only), or choose that you call us.
booking-error-phone-unused = You chose to call us, so leave the phone number empty.
booking-booked-title = Your time is booked
booking-booked-at = Your booking with { $service } is saved.
booking-group-booked-title = You have a place in the group
booking-group-booked-at = Your sign-up for { $group } ({ $service }) is saved.
booking-time = Time
booking-line = Line's number
booking-we-call-you-at = We call you at { $phone }
booking-you-call-us = You call us
booking-receipt-use = With this code you can see your booking, move it or cancel it, and read our messages.
booking-group-receipt-use = With this code you can see your sign-up and the group's meetings, cancel your place, and read our messages.
booking-manage-open = See, move or cancel the booking
booking-manage-title = Your booking
booking-group-manage-title = Your place in the group
booking-group = Group
booking-state-booked = Booked
booking-state-cancelled = Cancelled
booking-state-moved = Moved
booking-state-done = Done
booking-state-no_show = Missed
booking-group-state-booked = Signed up
booking-not-current = This booking can no longer be changed.
booking-move = Move to another time
booking-move-submit = Move the booking
booking-cancel = Cancel the booking
booking-cancel-hint = The time is freed for someone else. Your messages stay.
booking-cancel-submit = Cancel the booking
booking-group-cancel = Cancel your place
booking-group-cancel-hint = Your place is freed for someone else. Your messages stay.
booking-group-cancel-submit = Cancel my place
booking-cancelled-notice = Your booking is cancelled.
booking-group-cancelled-notice = Your place in the group is cancelled.
booking-moved-notice = Your booking is moved.
booking-back-to-thread = Back to your messages
booking-doc-moved = The booking was moved to { $when }.
booking-doc-cancelled = The booking was cancelled.
booking-line-we_call-client = Your time: { $when }. We call you.
booking-line-you_call-client = Your time: { $when }. You call us.
booking-line-we_call-staff = Booked time: { $when }. We call the client.
booking-line-you_call-staff = Booked time: { $when }. The client calls us.
booking-line-group-client = You have a place in the group { $group }. The first meeting is on { $first } and the last on { $last }.
booking-line-group-staff = A place in the group { $group }. The first meeting is on { $first } and the last on { $last }.
booking-weekday-1 = Mon
booking-weekday-2 = Tue
booking-weekday-3 = Wed
booking-weekday-4 = Thu
booking-weekday-5 = Fri
booking-weekday-6 = Sat
booking-weekday-7 = Sun

## Booking: staff

kind-booking = Booking
staff-availability = Availability
avail-title = Availability
avail-slots = Published times
avail-slots-caption = Single times from now on
avail-none = Nothing published.
avail-when = Time
avail-seats = Seats taken
avail-actions = Actions
avail-remove = Remove
avail-booked = Booked
avail-groups = Groups
avail-oneoff = Publish one time
avail-weekly = Publish weekly duty hours
avail-group = Publish a group
avail-date = Day
avail-start = Starts at
avail-until = Ends at
avail-minutes = Length in minutes
avail-slot-minutes = Length of one slot in minutes
avail-capacity = Seats
avail-weekday = Weekday
avail-from-day = From this day on (empty: today)
avail-weeks = For how many weeks
avail-name-fi = Name in Finnish
avail-name-sv = Name in Swedish
avail-name-en = Name in English
avail-first-meeting = Day of the first meeting
avail-meetings = Number of meetings
avail-every-days = Days between meetings
avail-publish = Publish
avail-done-published = Published.
avail-done-removed = The time was removed.
avail-error-service = Choose one of your services.
avail-error-date = Give the day as YYYY-MM-DD.
avail-error-time = Give the time as HH:MM.
avail-error-weekday = Choose a weekday.
avail-error-minutes = The length must be 5–600 minutes.
avail-error-capacity = Seats must be 1–500.
avail-error-weeks = Weeks must be 1–52.
avail-error-meetings = Meetings must be 1–52.
avail-error-every = Days between meetings must be 1–366.
avail-error-until = The duty hours must end after they start.
avail-error-no-slots = These duty hours give no time in the future.
avail-error-no-such-time = That time does not exist or happens twice on that day (a clock change). Choose another time.
avail-error-past = That time has already passed.
avail-error-group-name = Give the group a name in all three languages (at most 100 characters).
avail-error-raced = Someone booked this time just now, so nothing was removed. Please try again.
avail-error-confirm = Nothing was removed: this time is booked, and removing it cancels the booking. Tick “I am sure” to remove it.
avail-error-unreadable = A booking of this time was made before you could open its case, so its client could not be told. Nothing was changed: ask a colleague who can open it.
avail-remove-booked = Remove and cancel its bookings
avail-done-removed-booked = The time was removed. Its bookings are cancelled, and each client has a message about it.
avail-doc-removed = We had to cancel your booking for { $when }: the time is no longer available. Please book another time or write to us here.
booking-weekday-long-1 = Monday
booking-weekday-long-2 = Tuesday
booking-weekday-long-3 = Wednesday
booking-weekday-long-4 = Thursday
booking-weekday-long-5 = Friday
booking-weekday-long-6 = Saturday
booking-weekday-long-7 = Sunday

## Booking: the counsellor's schedule

staff-schedule = Schedule
schedule-title = Schedule
schedule-nav = Move in the schedule
schedule-previous = Earlier
schedule-next = Later
schedule-day = One day
schedule-week = Whole week
schedule-go-to = Day
schedule-show = Show
schedule-week-of = Week { $first } – { $last }
schedule-none = No bookings in this time.
schedule-call-we_call = We call the client
schedule-call-you_call = The client calls us
schedule-phone = Client's phone number
schedule-details = Details
schedule-open-case = Open the case
schedule-mark-done = Mark as done
schedule-mark-no-show = Mark as missed
schedule-cancel-message = Message to the client about cancelling
schedule-cancel-hint = The client reads it with their receipt code. The time is freed for someone else.
schedule-cancel-submit = Cancel the booking and send the message
schedule-done-outcome = The booking is marked.
schedule-done-cancelled = The booking is cancelled and your message is waiting for the client.
schedule-not-current = Someone already changed this booking, so nothing was done.
schedule-unreadable = This booking was made before you could open its case, so its client cannot be sent a message from here. Nothing was done: ask a colleague who can open it.
schedule-error-summary = The booking was not cancelled: write a message to the client first.
schedule-doc-cancelled = We had to cancel your booking for { $when }.

## Phone intake

kind-phone = Phone call
staff-phone = Record a call
phone-title = Record a phone call
phone-intro = Record a call on the caller's behalf. It is sealed like any request. You then get a receipt code to read to the caller, so they can go on in writing.
phone-errors = Please check these
phone-off-duty = None of your services has duty hours running now, so a call cannot be recorded. Calls are recorded during a service's weekly duty hours, and up to { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
} after they end.
phone-on-duty = Duty hours running now: { $services }.
phone-error-off-duty = This service has no duty hours running now, so the call was not recorded. What you wrote is kept below.
phone-name = The caller's name (optional)
phone-name-hint = Only if they gave one: the name they want to be called by.
phone-text = What the call was about
phone-text-hint = Sealed: only the counsellors of the service, and the caller with the code, can read it.
phone-submit = Save and show the code
phone-receipt-title = Read this code to the caller
phone-saved = The call is saved as a case of { $service }.
phone-read-out = Read the code slowly, in groups of four. With it the caller can read our replies and write to us on the page for returning with a code.
phone-shown-once = The code is shown only this once. It is not stored anywhere and cannot be shown again.
phone-again = Record another call
thread-phone-by = Your phone call, written down by { $name }
case-phone-by = Phone call, written down by { $name }
avail-edit = Change
avail-edit-title = Change a time
avail-edit-now = Now: { $when }
avail-edit-booked = { $count ->
    [one] One person has booked this time. If you change the time, their booking is cancelled and they get a message with the new time.
   *[other] { $count } people have booked this time. If you change the time, their bookings are cancelled and each gets a message with the new time.
}
avail-edit-save = Save the change
avail-edit-back = Back to availability
avail-done-edited = The time was changed.
avail-done-edited-booked = The time was changed. Its bookings are cancelled, and each client has a message with the new time.
avail-error-below-taken = There cannot be fewer seats than are already booked.
avail-doc-changed = We had to cancel your booking for { $when }: the time was changed to { $new }. You can book the new time or another one, or write to us here.
schedule-error-confirm = Tick “I am sure” to cancel the booking.
