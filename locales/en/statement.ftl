## The accessibility statement: staff pages

staff-accessibility = Accessibility
kind-feedback = Accessibility feedback
queue-answer-by = Answer by { $day }
case-answer-by = Answer by
case-answer-by-hint = The law gives two weeks to answer accessibility feedback, counted from the day it came.
a11y-admin-title = Accessibility statement
a11y-admin-intro = These are the organisation's own parts of the accessibility statement; the rest (what suoja meets, how it is tested, the supervising authority) is the same for every organisation. Write plain text. A part you fill in needs Finnish, Swedish and English. A page in another language shows that language's text if you give one, and otherwise the Finnish, Swedish or English text, marked as such.
a11y-admin-view = See the statement as clients see it
a11y-admin-date = Date of the statement
a11y-admin-date-hint = The day the statement was made or last reviewed, as YYYY-MM-DD, e.g. 2026-12-20.
a11y-admin-service = Feedback goes to
a11y-admin-service-hint = Feedback is sealed to this service's counsellors like a contact request and appears in their queue. It may be a retired service, which clients do not see on the front page.
a11y-admin-service-none = No form (feedback only through the contact details)
a11y-admin-part-organisation = Organisation
a11y-admin-part-answers = Who answers feedback
a11y-admin-part-reply-time = How fast you answer (empty: "within two weeks")
a11y-admin-part-contact = Other contact details
a11y-admin-part-authority = Supervising authority (empty: the default text)
a11y-admin-other-langs = Other languages (optional)
a11y-admin-save = Save the statement
a11y-admin-saved = The statement was saved.
a11y-admin-error-date = Write the date as YYYY-MM-DD, e.g. 2026-12-20.
a11y-admin-error-service = Choose a service from the list.
a11y-admin-error-part = Write this part in Finnish, Swedish and English, or leave it empty in every language.
audit-action-accessibility-updated = Accessibility statement edited
