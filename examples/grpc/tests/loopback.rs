//! A real gRPC server and client over loopback: the server answers with
//! catalog errors as `tonic::Status` (code, message and rich details in
//! `grpc-status-details-bin`), and the client reads them back into the same
//! errors. The health service stands in for any service: its `Check` is the
//! call, its `service` field says which error to send.

use std::time::Duration;

use errcat_example_grpc::{Code, Error};
use tonic::transport::{Channel, Server};
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::health_server::{Health, HealthServer};
use tonic_health::pb::{HealthCheckRequest, HealthCheckResponse};

/// Answers every `Check` with the error its `service` names.
struct Failing;

#[tonic::async_trait]
impl Health for Failing {
    async fn check(
        &self,
        request: tonic::Request<HealthCheckRequest>,
    ) -> Result<tonic::Response<HealthCheckResponse>, tonic::Status> {
        let error = match request.into_inner().service.as_str() {
            "stock" => Error::insufficient_stock(2, 5)
                .with_param("quantity")
                .with_request_id("req_stock"),
            "quota" => Error::quota_exceeded(100)
                .with_retry_after(Duration::from_millis(1500))
                .with_request_id("req_quota"),
            "plain" => return Err(tonic::Status::unavailable("the warehouse is down")),
            _ => Error::internal(),
        };
        Err(error.into())
    }

    type WatchStream = tokio_stream::Empty<Result<HealthCheckResponse, tonic::Status>>;

    async fn watch(
        &self,
        _: tonic::Request<HealthCheckRequest>,
    ) -> Result<tonic::Response<Self::WatchStream>, tonic::Status> {
        Err(tonic::Status::unimplemented("watch"))
    }
}

async fn client() -> HealthClient<Channel> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(
        Server::builder()
            .add_service(HealthServer::new(Failing))
            .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener)),
    );
    let channel = Channel::from_shared(format!("http://{address}"))
        .unwrap()
        .connect()
        .await
        .unwrap();
    HealthClient::new(channel)
}

async fn call(client: &mut HealthClient<Channel>, service: &str) -> tonic::Status {
    let request = HealthCheckRequest {
        service: service.into(),
    };
    client
        .check(request)
        .await
        .expect_err("the server answers with an error")
}

#[tokio::test]
async fn catalog_errors_cross_grpc_with_their_details() {
    let mut client = client().await;

    let status = call(&mut client, "stock").await;
    assert_eq!(status.code(), tonic::Code::FailedPrecondition);
    assert_eq!(status.message(), "Only 2 of 5 units are in stock.");
    let error = Error::from_grpc_status(&status);
    assert_eq!(error.code(), Some(Code::InsufficientStock));
    assert_eq!(error.status(), 400);
    assert_eq!(error.param(), Some("quantity"));
    assert_eq!(error.request_id(), Some("req_stock"));
    // Metadata travels as text; the code's param types give the values back.
    assert_eq!(error.details()["available"], 2);
    assert_eq!(error.details()["requested"], 5);

    let status = call(&mut client, "quota").await;
    assert_eq!(status.code(), tonic::Code::ResourceExhausted);
    let error = Error::from_grpc_status(&status);
    assert_eq!(error.code(), Some(Code::QuotaExceeded));
    assert_eq!(error.retry_after(), Some(Duration::from_millis(1500)));
    assert!(error.is_retryable());
    assert_eq!(error.retry_delay(1), Some(Duration::from_millis(1500)));

    let error = Error::from_grpc_status(&call(&mut client, "internal").await);
    assert_eq!(error.code(), Some(Code::Internal));
    assert!(!error.is_retryable());
}

#[tokio::test]
async fn a_status_without_details_is_read_by_its_code() {
    let mut client = client().await;
    let status = call(&mut client, "plain").await;
    let error = Error::from_grpc_status(&status);
    // No ErrorInfo: the gRPC code is all there is; this catalog has no code
    // named `UNAVAILABLE`, so the error is unknown, classified by the
    // status gRPC's code stands for.
    assert_eq!(error.code(), None);
    assert_eq!(error.code_str(), "UNAVAILABLE");
    assert_eq!(error.status(), 503);
    assert_eq!(error.message(), "the warehouse is down");
    assert!(error.is_retryable());
}

#[test]
fn google_bodies_and_grpc_statuses_say_the_same() {
    let error = Error::insufficient_stock(2, 5).with_request_id("req_1");
    let body = error.to_json();
    let status = error.to_grpc_status();
    assert_eq!(body["error"]["status"], "FAILED_PRECONDITION");
    assert_eq!(status.code(), tonic::Code::FailedPrecondition);
    assert_eq!(body["error"]["message"], status.message());
    assert_eq!(
        Error::from_body(400, body.to_string().as_bytes()),
        Error::from_grpc_status(&status)
    );
    assert_eq!(
        Code::InsufficientStock.grpc_code(),
        errcat_runtime::GrpcCode::FailedPrecondition
    );
    assert_eq!(
        Code::WarehouseUnavailable.grpc_code(),
        errcat_runtime::GrpcCode::Unavailable
    );
}

#[test]
fn a_localized_message_crosses_json_and_grpc() {
    let body = serde_json::json!({"error": {
        "code": 400,
        "message": "Only 2 left.",
        "status": "FAILED_PRECONDITION",
        "details": [
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "INSUFFICIENT_STOCK"},
            {"@type": "type.googleapis.com/google.rpc.LocalizedMessage", "locale": "fr-CA", "message": "Il n'en reste que 2."}
        ]
    }});
    let error = Error::from_body(400, body.to_string().as_bytes());
    assert_eq!(error.message(), "Only 2 left.");
    assert_eq!(error.localized_message(), Some("Il n'en reste que 2."));
    assert_eq!(error.locale(), "fr-CA");
    let again = Error::from_grpc_status(&error.to_grpc_status());
    assert_eq!(again.localized_message(), Some("Il n'en reste que 2."));
    assert_eq!(again.locale(), "fr-CA");
}
