//! The facilitator's workshop page (`workshop.html`).

fn main() {
    crossroads::start(crossroads::WorkshopApp);
}
