//! The reviewer's desk page (`review.html`).

fn main() {
    crossroads::start(crossroads::ReviewApp);
}
