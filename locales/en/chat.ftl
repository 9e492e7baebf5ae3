# Live chat: the client's pages.
chat-offer-heading = Chat now
chat-open = A counsellor can chat with you now. You do not need an account or a name.
chat-closed = The chat is closed now.
chat-closed-next = The chat is closed now. It opens next on { $when }.
chat-no-one = The chat is open, but no counsellor is free right now. Try again in a moment, or write a message below.
chat-full = The chat queue is full right now. Try again later, or write a message below: we answer in writing.
chat-closed-now = The chat could not start: it is closed or nobody is on duty right now.
chat-name = What should we call you? (optional)
chat-name-hint = Any name will do. You can leave this empty.
chat-start = Start a chat
chat-or-write = Or write a message
chat-title = Chat – { $service }
chat-receipt-hint = This is your receipt. Write it down now: it is shown only once. With it you can read this conversation and any later replies, and write back.
chat-status-next = You are next in the queue.
chat-status-ahead = { $ahead ->
    [one] One person is ahead of you in the queue.
   *[other] { $ahead } people are ahead of you in the queue.
}
chat-status-usually = It usually takes under { $minutes ->
    [one] a minute
   *[other] { $minutes } minutes
}.
chat-status-with = You are chatting with { $name }.
chat-status-active = A counsellor is chatting with you.
chat-waiting-hint = You can write while you wait: the counsellor reads it when the chat begins. If this page does not update by itself, press "Check for new messages" now and then, so we know you are still here.
chat-conversation = Conversation
chat-empty = No messages yet.
chat-your-message = Your message
chat-message-hint = Press "Send" to send. What you write is encrypted before it is stored.
chat-send = Send
chat-check = Check for new messages
chat-sending = Sending…
chat-connection-lost = The connection was lost. Your message is still here: try sending it again.
chat-too-fast = You are sending messages very fast. Wait a moment and send again: your message is still here.
chat-to-written = Leave the queue and get a written answer
chat-end = End the chat
chat-you = You
chat-counsellor = Counsellor
chat-ended-title = The chat has ended
chat-ended = The chat has ended.
chat-ended-by-counsellor = The counsellor ended the chat.
chat-ended-gone = The chat ended because we did not hear from you for a while.
chat-ended-read-later = You can read the conversation later with your receipt, and write to us again.
chat-ended-not-kept = This service does not keep chat conversations, so it cannot be read again. With your receipt you can still write to us.
chat-written-title = Your message was sent
chat-written = { $service } will answer in writing. Read the answer with your receipt.
chat-not-started-title = The chat did not start
chat-none-title = No chat open
chat-none = There is no chat open in this browser. It may have ended, or the browser may have forgotten it.
chat-draft-kept = The text you wrote (copy it to keep it)
chat-link-check = Read replies with your receipt
chat-link-services = All services
chat-link-service = Back to { $service }
kind-chat = Chat
topic-chat = Chat

# The counsellor's side.
staff-chat = Chat
chat-console-title = Chat
chat-duty = Chat duty
chat-duty-services = I am on chat duty for
chat-duty-no-services = You are not a member of any service.
chat-duty-capacity = How many chats I take at once
chat-duty-save = Save my duty
chat-mine = My chats
chat-mine-none = You have no open chats.
chat-waiting = Waiting
chat-waiting-none = Nobody is waiting.
chat-not-on-duty = You are not on chat duty. Choose your services above to see their queue.
chat-waited = { $minutes ->
    [one] waited 1 minute
   *[other] waited { $minutes } minutes
}
chat-gone = gone?
chat-take-next = Take the next client
chat-anonymous = Anonymous
chat-console-done-duty = Your duty was saved.
chat-console-done-none-waiting = Nobody is waiting who could be taken.
chat-console-done-full = You already have as many chats as you take at once.
chat-console-done-taken-by-other = Someone else took that client.
chat-console-done-ended = The chat was ended.
chat-console-done-handed = The chat was handed over.
chat-staff-title = Chat with { $name }
chat-back-to-console = Back to the chat console
chat-open-case = Open the case
chat-client = Client
chat-staff-active = The client is here.
chat-staff-gone = No sign of the client for a while: they may have left.
chat-staff-ended = The chat has ended.
chat-staff-ended-client = The client ended the chat.
chat-staff-ended-gone = The chat ended: the client was gone.
chat-staff-ended-exit = The client left with the quick exit.
chat-staff-handed = This chat is now with another counsellor.
chat-note = Private note
chat-note-hint = Only counsellors of the service can read notes.
chat-note-save = Save the note
chat-note-by = Note by { $name }
chat-hand-over-to = Hand the chat to
chat-hand-over = Hand over
chat-staff-end = End the chat
chat-error-ended = The chat has ended; nothing more can be sent.
chat-error-hand-over = The chat could not be handed over: choose a counsellor who is on duty.
chat-settings-heading = Chat hours
chat-settings-link = Chat hours of { $service }
chat-settings-title = Chat settings – { $service }
chat-settings-hours = Chat hours
chat-settings-hours-hint = In the service's own time zone, as HH:MM (24:00 for midnight). Leave a day empty for no chat that day.
chat-settings-from = From
chat-settings-until = Until
chat-settings-queue-max = How many may wait in the queue
chat-settings-keep = Keep the conversation after the chat ends
chat-settings-keep-hint = If not kept, the messages are deleted when the chat ends; the case remains, with the client's receipt.
chat-settings-save = Save
chat-settings-saved = The chat settings were saved.
chat-settings-error-hours = { $day }: give both times as HH:MM, the start before the end.
chat-settings-error-queue = Give the queue size as a number from 1 to 1000.
audit-action-chat-take = Took a chat
audit-action-chat-end = Ended a chat
audit-action-chat-hand-over = Handed a chat over
audit-action-chat-settings = Changed chat settings
