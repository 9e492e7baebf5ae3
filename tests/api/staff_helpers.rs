//! Staff accounts made with the real `suoja staff` command, and a browser-
//! like client with a cookie jar that logs in and works the queue.

use std::process::Command;

use crate::helpers::*;

/// The password every test counsellor sets at first login.
pub const NEW_PASSWORD: &str = "correct horse battery staple";

impl TestApp {
    /// `suoja staff add`; returns the one-time password it printed.
    pub fn add_staff(&self, username: &str, role: &str, services: &[&str]) -> String {
        let mut cmd = Command::new(bin());
        cmd.args(["staff", "add", "--config"])
            .arg(&self.config)
            .args(["--username", username, "--name", &display_name(username)])
            .args(["--role", role]);
        for s in services {
            cmd.args(["--service", s]);
        }
        let (ok, out, err) = run(&mut cmd);
        assert!(ok, "staff add failed: {out}{err}");
        between(&out, "one-time password: ", "\n").expect("password printed")
    }

    pub fn deactivate_staff(&self, username: &str) {
        let (ok, out, err) = run(Command::new(bin())
            .args(["staff", "deactivate", "--config"])
            .arg(&self.config)
            .args(["--username", username]));
        assert!(ok, "staff deactivate failed: {out}{err}");
    }

    /// Adds accounts, then restarts the server so they are in its keyring
    /// at once (a running server picks them up within seconds).
    pub async fn with_staff(&mut self, accounts: &[(&str, &str, &[&str])]) -> Vec<String> {
        let passwords = accounts
            .iter()
            .map(|(u, role, services)| self.add_staff(u, role, services))
            .collect();
        self.stop().await;
        self.start().await;
        passwords
    }
}

pub fn display_name(username: &str) -> String {
    let mut name = username.to_owned();
    if let Some(first) = name.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    name
}

/// A staff member's browser: a cookie jar, no redirects followed.
pub struct Staff {
    pub http: reqwest::Client,
    pub base: String,
}

pub struct Answer {
    pub status: u16,
    pub location: String,
    pub body: String,
}

async fn answer(r: reqwest::Response) -> Answer {
    let header = |name: &str| {
        r.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    let location = header("location");
    Answer {
        status: r.status().as_u16(),
        location,
        body: r.text().await.unwrap(),
    }
}

impl Staff {
    pub fn new(app: &TestApp) -> Staff {
        Staff {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .cookie_store(true)
                .build()
                .unwrap(),
            base: app.base.clone(),
        }
    }

    pub async fn get(&self, path: &str) -> Answer {
        answer(
            self.http
                .get(format!("{}{path}", self.base))
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Answer {
        self.post_with(path, form, &[]).await
    }

    pub async fn post_with(
        &self,
        path: &str,
        form: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Answer {
        let mut request = self.http.post(format!("{}{path}", self.base)).form(form);
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        answer(request.send().await.unwrap()).await
    }

    pub async fn login(&self, username: &str, password: &str, code: &str) -> Answer {
        let page = self.get("/en/staff/login").await;
        assert_eq!(page.status, 200, "{}", page.body);
        let token = between(&page.body, r#"name="token" value=""#, "\"").unwrap();
        self.post(
            "/en/staff/login",
            &[
                ("token", &token),
                ("username", username),
                ("password", password),
                ("code", code),
            ],
        )
        .await
    }

    /// The CSRF token on a page of this session.
    pub async fn csrf(&self) -> String {
        let page = self.get("/en/staff/account").await;
        assert_eq!(page.status, 200, "not logged in: {}", page.location);
        csrf_in(&page.body)
    }

    /// First login: the one-time password, then the forced change.
    pub async fn first_login(app: &TestApp, username: &str, one_time: &str) -> Staff {
        let staff = Staff::new(app);
        let login = staff.login(username, one_time, "").await;
        assert_eq!(login.status, 303, "{}", login.body);
        assert_eq!(
            login.location, "/en/staff/account",
            "a new account must change its password"
        );
        let csrf = staff.csrf().await;
        let changed = staff
            .post(
                "/en/staff/account/password",
                &[
                    ("csrf", &csrf),
                    ("current", one_time),
                    ("new", NEW_PASSWORD),
                    ("repeat", NEW_PASSWORD),
                ],
            )
            .await;
        assert_eq!(changed.status, 200, "{}", changed.body);
        staff
    }

    /// The id of the newest case in the queue.
    pub async fn newest_case(&self) -> String {
        let queue = self.get("/en/staff").await;
        assert_eq!(queue.status, 200, "{}", queue.location);
        between(&queue.body, r#"href="/en/staff/cases/"#, "\"").expect("a case in the queue")
    }
}

pub fn csrf_in(body: &str) -> String {
    between(body, r#"name="csrf" value=""#, "\"").expect("csrf token on the page")
}
