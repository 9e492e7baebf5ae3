# Activity notices by e-mail (src/notify). They say only that a service has
# new activity: never a case, a count, a time or anything a client wrote.
notify-subject = new activity
notify-intro = There is new activity in suoja in these services:
notify-outro = This message says nothing more. You can read the requests in suoja.
