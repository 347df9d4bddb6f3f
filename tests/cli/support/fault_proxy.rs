//! A reverse proxy in front of a real registry that injects the faults
//! registries and networks produce: 429 with Retry-After, 503, connections
//! cut mid-answer, dropped headers, a mount answered with 202. Each fault
//! applies to the first N requests that match it; everything else passes
//! through untouched. It logs every request it saw.

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, Response, StatusCode};
use futures_util::StreamExt;

#[derive(Debug, Clone)]
pub enum Fault {
    TooManyRequests {
        retry_after: u64,
    },
    Unavailable,
    /// The answer's headers arrive, then the connection is cut.
    CutMidAnswer,
    DropHeader(&'static str),
    /// Answer a cross-repository mount with 202 and a fresh upload session.
    RefuseMount,
    /// Answer with this status and body, as a particular registry product would.
    Answer {
        status: u16,
        body: &'static str,
    },
    /// Answer a form POST with `answer` when its fields hold what `expect`
    /// says, else 401: a token exchange served by the registry's host.
    FormExchange {
        expect: Vec<(&'static str, &'static str)>,
        answer: String,
    },
    /// Pass the request through, then hold the registry's answer until the
    /// test calls `release`: the registry has done it, the client does not
    /// know yet. The log shows it held as soon as the registry answered.
    Hold,
}

#[derive(Debug, Clone)]
struct Rule {
    method: Method,
    path_contains: String,
    fault: Fault,
    left: usize,
}

#[derive(Clone)]
struct Shared {
    upstream: String,
    own: String,
    rules: Arc<Mutex<Vec<Rule>>>,
    log: Arc<Mutex<Vec<String>>>,
    http: reqwest::Client,
    held: Arc<tokio::sync::Semaphore>,
}

pub struct FaultProxy {
    pub host: String,
    shared: Shared,
    _runtime: tokio::runtime::Runtime,
}

impl FaultProxy {
    pub fn start(upstream_host: &str) -> FaultProxy {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
        let host = listener.local_addr().unwrap().to_string();
        let shared = Shared {
            upstream: upstream_host.to_owned(),
            own: host.clone(),
            rules: Arc::default(),
            log: Arc::default(),
            http: reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap(),
            held: Arc::new(tokio::sync::Semaphore::new(0)),
        };
        let app = axum::Router::new().fallback(forward).with_state(shared.clone());
        runtime.spawn(async move { axum::serve(listener, app).await.unwrap() });
        FaultProxy { host, shared, _runtime: runtime }
    }

    /// Injects `fault` into the next `times` requests of `method` whose path and query contain `path_contains`.
    pub fn inject(&self, method: Method, path_contains: &str, fault: Fault, times: usize) {
        self.shared.rules.lock().unwrap().push(Rule {
            method,
            path_contains: path_contains.into(),
            fault,
            left: times,
        });
    }

    /// Lets one held request go on to the registry.
    pub fn release(&self) {
        self.shared.held.add_permits(1);
    }

    pub fn clear(&self) {
        self.shared.rules.lock().unwrap().clear();
    }

    /// `METHOD path?query -> status` for every request seen.
    pub fn log(&self) -> Vec<String> {
        self.shared.log.lock().unwrap().clone()
    }

    pub fn count(&self, method: &str, path_contains: &str) -> usize {
        self.log().iter().filter(|l| l.starts_with(&format!("{method} ")) && l.contains(path_contains)).count()
    }

    /// Whether every injected fault was used up.
    pub fn all_faults_fired(&self) -> bool {
        self.shared.rules.lock().unwrap().iter().all(|r| r.left == 0)
    }
}

fn take_fault(shared: &Shared, method: &Method, target: &str) -> Option<Fault> {
    let mut rules = shared.rules.lock().unwrap();
    let rule = rules.iter_mut().find(|r| r.left > 0 && r.method == *method && target.contains(&r.path_contains))?;
    rule.left -= 1;
    Some(rule.fault.clone())
}

async fn forward(State(shared): State<Shared>, request: Request) -> Response<Body> {
    let method = request.method().clone();
    let target = request.uri().path_and_query().map(|p| p.to_string()).unwrap_or_default();
    let fault = take_fault(&shared, &method, &target);
    if let Some(Fault::FormExchange { expect, answer }) = &fault {
        let body = axum::body::to_bytes(request.into_body(), 1 << 20).await.unwrap_or_default();
        let form = String::from_utf8_lossy(&body).into_owned();
        let field = |k: &str| {
            form.split('&').find_map(|kv| {
                kv.split_once('=').filter(|(n, _)| *n == k).map(|(_, v)| super::http_stub::percent_decode(v))
            })
        };
        let ok = expect.iter().all(|(k, v)| field(k).as_deref() == Some(*v));
        let (status, body) = if ok { (200, answer.clone()) } else { (401, "{}".to_owned()) };
        shared.log.lock().unwrap().push(format!("{method} {target} -> {status}"));
        return Response::builder()
            .status(status)
            .header("content-type", "application/json")
            .body(Body::from(body))
            .unwrap();
    }
    let response = match &fault {
        Some(Fault::TooManyRequests { retry_after }) => Response::builder()
            .status(StatusCode::TOO_MANY_REQUESTS)
            .header("retry-after", retry_after.to_string())
            .body(Body::from(r#"{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}"#))
            .unwrap(),
        Some(Fault::Answer { status, body }) => Response::builder()
            .status(*status)
            .header("content-type", "application/json")
            .body(Body::from(*body))
            .unwrap(),
        Some(Fault::Unavailable) => {
            Response::builder().status(StatusCode::SERVICE_UNAVAILABLE).body(Body::empty()).unwrap()
        }
        Some(Fault::RefuseMount) => {
            let path = target.split('?').next().unwrap().to_owned();
            let plain = Request::builder().method(Method::POST).uri(path).body(Body::empty()).unwrap();
            let (parts, _) = plain.into_parts();
            pass_through(&shared, parts.method, parts.uri.to_string(), parts.headers, Body::empty()).await
        }
        _ => {
            let (parts, body) = request.into_parts();
            let mut headers = parts.headers;
            headers.remove("host");
            pass_through(&shared, parts.method, target.clone(), headers, body).await
        }
    };
    let response = match fault {
        Some(Fault::DropHeader(name)) => {
            let (mut parts, body) = response.into_parts();
            parts.headers.remove(name);
            Response::from_parts(parts, body)
        }
        Some(Fault::CutMidAnswer) => {
            let (mut parts, _) = response.into_parts();
            parts.headers.insert("content-length", HeaderValue::from_static("1000000"));
            let broken = futures_util::stream::iter([
                Ok::<_, std::io::Error>(bytes::Bytes::from_static(b"{\"partial")),
                Err(std::io::Error::other("cut")),
            ]);
            Response::from_parts(parts, Body::from_stream(broken))
        }
        Some(Fault::Hold) => {
            shared.log.lock().unwrap().push(format!("{method} {target} held"));
            shared.held.acquire().await.unwrap().forget();
            response
        }
        _ => response,
    };
    shared.log.lock().unwrap().push(format!("{method} {target} -> {}", response.status().as_u16()));
    response
}

async fn pass_through(
    shared: &Shared,
    method: Method,
    target: String,
    headers: axum::http::HeaderMap,
    body: Body,
) -> Response<Body> {
    let url = format!("http://{}{target}", shared.upstream);
    let mut request = shared.http.request(method, url);
    if headers.contains_key("content-length") || headers.contains_key("transfer-encoding") {
        let stream = body.into_data_stream().map(|r| r.map_err(std::io::Error::other));
        request = request.body(reqwest::Body::wrap_stream(stream));
    }
    for (name, value) in &headers {
        request = request.header(name, value);
    }
    let upstream = match request.send().await {
        Ok(r) => r,
        Err(e) => {
            return Response::builder().status(StatusCode::BAD_GATEWAY).body(Body::from(e.to_string())).unwrap();
        }
    };
    let mut response = Response::builder().status(upstream.status().as_u16());
    for (name, value) in upstream.headers() {
        // Absolute locations name the registry; the client must come back through us.
        if name == "location" {
            let rewritten = value.to_str().unwrap().replace(&shared.upstream, &shared.own);
            response = response.header(name, rewritten);
        } else {
            response = response.header(name, value);
        }
    }
    let body = upstream.bytes_stream().map(|r| r.map_err(std::io::Error::other));
    response.body(Body::from_stream(body)).unwrap()
}
