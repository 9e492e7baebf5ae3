# Key rotation: the progress page, service memberships, replacing one's key.
staff-rotation = Key rotation
staff-members = Memberships
staff-replace-key = Replace my key
staff-replace-key-hint = Makes you a new private key, locked with your password. Everything sealed to your old key in your services is then sealed again to the new one, in the background; other sessions of yours end. Use it if your key may have been exposed.
rotation-title = Key rotation
rotation-intro = A rotation seals every item of a service again, to the keys the service has now. Items are opened with a key in hand and written back one at a time, so an interrupted job loses nothing.
rotation-none = No rotation has run yet.
rotation-caption = Rotation jobs, newest first
rotation-kind = Why
rotation-state = State
rotation-progress = Items handled
rotation-unreadable = Could not open
rotation-check = Final check
rotation-check-result = { $passed ->
    [one] 1 item passes
   *[other] { $passed } items pass
}, { $failed ->
    [one] 1 fails
   *[other] { $failed } fail
}
rotation-resume = Resume with my key
rotation-running = A job is running. Reload the page to see its progress.
rotation-reload = Reload this page
rotation-unreadable-hint = Items that no key in hand could open stay sealed as they were. An administrator can seal them again from the command line with the organisation's recovery key: suoja rotate --identity FILE.
rotation-kind-reseal = Command line
rotation-kind-own-key = A counsellor replaced their key
rotation-kind-membership = A member left the service
rotation-state-running = Running
rotation-state-done = Done
rotation-state-incomplete = Done, some items not opened
rotation-state-failed = Check failed
rotation-state-superseded = Replaced by a newer job
members-title = Service memberships
members-intro = Who works each service. Removing a person stops new items being sealed to their key, and seals the service's earlier items again without it, using your key and the keys of the service's members logged in now.
members-none = No members.
members-remove = Remove { $name } from { $service }
