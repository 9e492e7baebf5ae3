# The counsellor's working day: taking cases, the queue's "who" filter and
# order, canned replies (staff pages only).

staff-canned = Canned replies

queue-who = Whose
queue-who-all = Everyone's
queue-who-mine = Mine
queue-who-untaken = Untaken
queue-order = Order
queue-order-newest = Newest first
queue-order-oldest = Oldest first
queue-order-hint = Mine and untaken open oldest first, to work the longest-waiting case first.
queue-caption-oldest = Cases, oldest first
queue-newer = Newer cases
queue-taken-by-you = You
queue-take-this = { case-take }: { $case }

case-take = Take this case
case-release = Give the case back
case-yours = You ({ $name })
case-taken-by = { $name } has taken this case.
case-done-taken = You have taken this case.
case-taken-by-other = { $name } took this case first. It stays theirs; ask them or use "Assign" to hand it over.
case-take-failed = The case could not be taken. Try again.
case-done-released = You gave the case back. Nobody has it now.
case-not-yours = The case is not yours, so it was not given back.
case-canned = Canned reply
case-canned-hint = "Insert" adds the chosen text after what you have typed, so you can edit it. Nothing is sent until you press "Send reply".
case-canned-manage = Canned replies of this service
case-canned-none = This service has no canned replies yet.
case-canned-insert = Insert
case-canned-inserted = The canned reply was added to your reply below. Edit it and send it when ready: nothing has been sent yet.

canned-title = Canned replies
canned-intro = Ready-made texts the service's counsellors insert into a reply and edit before sending. Write them for any client, never about one: they are stored unencrypted, unlike messages.
canned-no-services = You are not a member of any service.
canned-service-title = Canned replies: { $service }
canned-list = Texts
canned-empty = No canned replies yet.
canned-in = In { $language }
canned-add = Add a canned reply
canned-add-button = Add
canned-all-services = All services' canned replies
canned-save = Save
canned-back = Back to the canned replies
canned-edit-title = Edit: { $title }
canned-delete-heading = Delete
canned-delete-hint = Deleting removes the text from the list. Replies already sent are not changed.
canned-delete = Delete this canned reply
canned-lang = Language
canned-title-label = Title
canned-title-hint = Shown in the list on the case page. At most 100 characters.
canned-body-label = Text
canned-body-hint = At most 5000 characters.
canned-error-title = Write a title of 1–100 characters.
canned-error-body = Write a text of 1–5000 characters.
canned-error-lang = Choose the text's language.
canned-error-full = This service has the most canned replies it can keep (200). Delete one to add another.
canned-notice-added = The canned reply was added.
canned-notice-saved = The canned reply was saved.
canned-notice-deleted = The canned reply was deleted.

audit-action-take = Took a case
audit-action-release = Gave a case back
audit-action-canned-reply = Changed canned replies
