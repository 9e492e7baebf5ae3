# Services: the admins' list and forms.
staff-services = Services
services-title = Services
services-intro = Each service is a front door for clients: its names and description in three languages, the topics clients pick from, and the age keys what they write is sealed to (besides the service's members and the recovery key). A retired service is hidden from clients; its cases stay until their retention ends.
services-new = Create a service
services-none = No services yet.
services-caption = Every service, open and retired
services-col-name = Name
services-col-slug = Address
services-col-keys = Keys of its own
services-col-retention = Kept
services-col-state = State
services-col-actions = Actions
services-state-open = Open to clients
services-state-retired = Retired
services-recipient-count = { $count ->
    [0] none (members and the recovery key only)
    [one] one key
   *[other] { $count } keys
}
services-retention-summary = { $days ->
    [one] 1 day
   *[other] { $days } days
}; closed cases { $closed ->
    [one] 1 day
   *[other] { $closed } days
}
services-edit = Edit { $name }
services-retire = Retire { $name }
services-restore = Open { $name } again
services-notice-created = The service was created. Clients see it at once.
services-notice-updated = The changes were saved.
services-notice-retired = The service was retired: clients no longer see it.
services-notice-restored = The service is open to clients again.
services-new-title = New service
services-edit-title = Edit { $name }
services-errors = Please check these:
services-slug-fixed = Address: /…/services/{ $slug } (fixed once a service is created).
services-recipients-warning = If you change the keys, new messages are sealed to the new set at once, and a rotation job starts to seal the service's earlier messages again with the keys logged in now. Messages those keys cannot open are counted on the rotation page; finish them on the command line with the command suoja rotate and the recovery identity.
services-save = Save changes
services-create = Create the service
services-back = Back to services
services-field-slug = Address (slug)
services-field-name-fi = Name in Finnish
services-field-name-sv = Name in Swedish
services-field-name-en = Name in English
services-field-description-fi = Description in Finnish
services-field-description-sv = Description in Swedish
services-field-description-en = Description in English
services-field-topics = Topics
services-field-time-zone = Time zone
services-field-retention-days = Keep every case for (days)
services-field-closed-retention-days = Keep closed cases for (days)
services-field-phone = Phone number (optional)
services-field-recipients = Age keys (recipients)
services-hint-slug = 1–40 of a–z, 0–9 and -. It is part of the service's address and cannot be changed later.
services-hint-topics = One a line: a common topic (general, crisis, relationships, sexuality, gender, mental-health, housing, host, guest, relatives, other), or a topic of this service's own as: id | Finnish | Swedish | English
services-hint-time-zone = An IANA time zone name, such as Europe/Helsinki or Europe/Stockholm.
services-hint-retention-days = Days after the last activity, 1–3650.
services-hint-closed-retention-days = Days after a case is closed, no more than the above.
services-hint-phone = Shown to clients who book a call you make.
services-hint-recipients = Paste an age recipients file: one age1… key a line; lines starting with # are comments. The service's members and the recovery key are added on their own.
service-error-slug = Give an address of 1–40 characters: a–z, 0–9 and -.
service-error-slug-taken = A service with this address exists already: choose another.
service-error-name = Give the name in each language (at most 120 characters).
service-error-description = Give the description in each language (at most 2,000 characters).
service-error-topics = List 1–30 topics, one a line.
service-error-topic-unknown = A topic on its own line must be one of the common topics; give a topic of your own as id | Finnish | Swedish | English.
service-error-topic-line = Write a topic of your own as id | Finnish | Swedish | English, the id in a–z, 0–9 and -.
service-error-topic-twice = A topic is listed twice.
service-error-time-zone = This is not a time zone we know: use an IANA name such as Europe/Helsinki.
service-error-days = Give a whole number of days from 1 to 3650.
service-error-closed-longer = Closed cases cannot be kept longer than every case.
service-error-phone = Give a phone number: 5–20 digits, with spaces and + - ( ) allowed.
service-error-recipient = A line is not an age X25519 recipient (age1…).
service-error-recipients-many = At most 100 keys.
service-error-no-reader = Nobody could read this service's messages: give at least one key (no recovery key is configured).
audit-action-service-created = Created a service
audit-action-service-updated = Changed a service
audit-action-service-retired = Retired a service
audit-action-service-restored = Opened a service again
rotation-kind-recipients = The service's keys changed
services-notice-not-confirmed = The service was not retired: tick “I am sure” to confirm.

## The client languages (a list under the services)
languages-heading = Languages of the client pages
languages-intro = Client pages exist in each of these languages; staff pages in Finnish, Swedish and English. A draft translation needs review by a native speaker: TRANSLATING.md in the source says how. Service names and descriptions are written in Finnish, Swedish and English; pages in other languages show the English ones.
languages-col-language = Language
languages-col-code = In the address
languages-col-status = Status
languages-col-coverage = Translated
languages-status-reviewed = Reviewed
languages-status-draft = Draft, needs review by a native speaker
languages-status-missing = Not translated yet: not offered to clients
languages-coverage = { $have } / { $all } messages

## The languages of a service
services-answers = Languages the counsellors answer in
services-answers-hint = A client writing from a page in another language is told so before writing, and shown the services that answer in their language. With none ticked: Finnish, Swedish and English.
services-translations = Name and description in other languages
services-translations-hint = Optional. Give the name and the description together. Where they are missing, plain Finnish pages show the Finnish text, easy Swedish pages the Swedish text, and the other pages the English text.
services-field-name-in = Name in { $language }
services-field-description-in = Description in { $language }
service-error-translation-name = Give the name in this language too, or leave its description empty.
service-error-translation-description = Give the description in this language too, or leave its name empty.
language-name-fi = Finnish
language-name-sv = Swedish
language-name-en = English
language-name-fi-selko = Plain Finnish
language-name-sv-lattlast = Easy Swedish
language-name-ar = Arabic
language-name-fa = Persian (Dari)
language-name-ckb = Kurdish (Sorani)
language-name-so = Somali
language-name-uk = Ukrainian
language-name-ru = Russian
