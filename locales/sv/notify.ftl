# Activity notices by e-mail (src/notify). They say only that a service has
# new activity: never a case, a count, a time or anything a client wrote.
notify-subject = ny aktivitet
notify-intro = Det finns ny aktivitet i suoja i de här tjänsterna:
notify-outro = Det här meddelandet säger inget mer. Kontakterna kan du läsa i suoja.
