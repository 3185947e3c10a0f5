//! The school team's workbook page (`index.html`).

fn main() {
    crossroads::start(crossroads::TeamApp);
}
