//! Entry point of the browser playground.

fn main() {
    flushq_web::start();
}
