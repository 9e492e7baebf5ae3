# Staff pages: login, account, queue and case.
staff-site-name = suoja for staff
staff-nav = Staff menu
staff-queue = Queue
staff-account = My account
staff-logout = Log out ({ $name })
staff-login-title = Staff login
staff-login = Log in
staff-username = User name
staff-password = Password
staff-code = Verification code
staff-code-hint = Only if you have turned on two-step verification: the six digits from your authenticator app.
staff-notice-ended = Your session has ended. Log in again to continue.
staff-notice-locked = Your session could not open your key (it began before an update of the server). Log in again to unlock it.
staff-notice-out = You have logged out. Your key was removed from the server's memory.
staff-error-form-expired = The login form had expired. Please try again.
staff-error-too-many = Too many login attempts. Wait a while and try again.
staff-error-login = The user name, password or verification code is wrong, or the account is not in use.
staff-account-title = My account
staff-must-change = Choose a new password before you continue. The one you were given works only once.
staff-recipient = Your public key
staff-change-password = Change password
staff-change-password-hint = Your private key is stored locked with your password. Changing the password locks it again with the new one.
staff-current-password = Current password
staff-new-password = New password
staff-new-password-hint = At least 12 characters. A few unrelated words make a good password.
staff-repeat-password = New password again
staff-password-changed = Your password is changed and your key is locked with the new one.
staff-totp = Two-step verification
staff-totp-off-now = Two-step verification is off. With it on, logging in also asks for a code from an authenticator app.
staff-totp-start = Turn on two-step verification
staff-totp-setup-hint = Add this key to your authenticator app (or open the address below with it), then type the code it shows.
staff-totp-confirm = Confirm and turn on
staff-totp-on = Two-step verification is on.
staff-totp-off = Turn off two-step verification
error-password-short = The new password is too short: use at least 12 characters.
error-password-long = The new password is too long.
error-password-repeat = The new passwords do not match.
error-password-current = The current password is wrong.
error-totp-code = The code did not match. Check the time on your phone and type the newest code.
error-forbidden = Not available
error-forbidden-text = This page does not exist or is not available to you.

queue-title = Queue
queue-no-services = You are not a member of any service yet. An administrator can add you to one.
queue-no-services-admin = You are not a member of any service yet. Add yourself to one on the People page:
queue-counts = Cases by status
queue-service = Service
queue-status = Status
queue-all = All
queue-filter = Show
queue-empty = No cases match.
queue-caption = Cases, newest first
queue-case = Case
queue-assignee = Assigned to
queue-dates = Opened – last activity
queue-unread = New activity
queue-older = Older cases
queue-unreadable = Sealed before you had access: not readable with your key
queue-deletion = Deletion
queue-deletion-any = Any time
queue-deleted-within = Deleted within { $days ->
    [one] 1 day
   *[other] { $days } days
}
queue-deletes-on = Deleted on { $day }
kind-contact = Contact request
staff-status-new = New
staff-status-in_progress = In progress
staff-status-waiting = Waiting for client
staff-status-closed = Closed

case-title = Case
case-kind = Kind
case-updated = Last activity
case-deleted-on = Deleted on
case-deleted-on-hint = Any message, note or change of status moves this day on: a case is deleted { $open ->
    [one] 1 day
   *[other] { $open } days
} after its last activity, a closed case { $closed ->
    [one] 1 day
   *[other] { $closed } days
} after it was closed. Bookings count from their time.
case-unreadable = { $count ->
    [one] One message was sealed before you had access and cannot be opened with your key.
   *[other] { $count } messages were sealed before you had access and cannot be opened with your key.
}
case-client-name = Client's name
case-client-way = How to contact
case-from-client = Client
case-reply-by = Reply from { $name }
case-note-by = Internal note by { $name }
case-reply = Reply to the client
case-reply-label = Your reply
case-reply-hint = The client reads this with their receipt code. It is sealed to them and to this service's counsellors.
case-reply-send = Send reply
case-note = Internal note
case-note-label = Note
case-note-hint = Only this service's counsellors can read notes; the client never sees them.
case-note-save = Save note
case-work = Status and assignment
case-set-status = Change status
case-nobody = Nobody
case-assign = Assign
case-done-reply = Reply sent.
case-done-note = Note saved.
case-done-status = Status changed.
case-done-assign = Assignment changed.
case-not-saved-title = Your session ended: nothing was saved
case-not-saved-text = Your session ended before this was sent, so it was not saved. Copy the text below, log in again and send it.
case-not-saved-label = What you wrote
confirm-sure = I am sure

## The caller's or client's language
phone-lang = The caller's language (optional)
phone-lang-none = Not noted
phone-interpreter = The caller needs an interpreter
phone-error-lang = Choose a language from the list.
phone-error-interpreter-lang = Choose the language the interpreter is needed for.
case-written-in = Written in
case-spoken-in = Language
case-interpreter = Interpreter
case-interpreter-needed = Needed
