//! The run view's and the projector's keyboard shortcuts, and when a key is one.

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// On to the next step.
    Next,
    /// Back to the step before.
    Back,
    /// Start or pause the countdown.
    Pause,
    /// Full screen, or out of it.
    FullScreen,
}

/// Where a key was pressed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyPlace {
    /// In a field that takes typing (text, text area, select, an editable element).
    pub in_field: bool,
    /// On a button or a link, where Space and Enter already mean "press this".
    pub on_control: bool,
    /// With Ctrl, Alt or Meta held (the browser's own shortcuts).
    pub modified: bool,
}

/// The shortcut `key` (a `KeyboardEvent.key`) means here, if any. Nothing fires while typing in
/// a field, nor with Ctrl, Alt or Meta, and Space on a button stays the button's.
pub fn shortcut(key: &str, at: KeyPlace) -> Option<Shortcut> {
    if at.in_field || at.modified {
        return None;
    }
    match key {
        "n" | "N" | "ArrowRight" | "PageDown" => Some(Shortcut::Next),
        "b" | "B" | "ArrowLeft" | "PageUp" => Some(Shortcut::Back),
        " " | "Spacebar" if !at.on_control => Some(Shortcut::Pause),
        "p" | "P" | "k" | "K" => Some(Shortcut::Pause),
        "f" | "F" => Some(Shortcut::FullScreen),
        _ => None,
    }
}

/// The shortcuts in words, for the help line.
pub const SHORTCUT_HELP: &str = "Keyboard: N or \u{2192} next step, B or \u{2190} back, Space or P start and pause, F full screen.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_mean_shortcuts_only_outside_fields_and_without_modifiers() {
        let free = KeyPlace::default();
        assert_eq!(shortcut("n", free), Some(Shortcut::Next));
        assert_eq!(shortcut("ArrowRight", free), Some(Shortcut::Next));
        assert_eq!(shortcut("PageUp", free), Some(Shortcut::Back));
        assert_eq!(shortcut(" ", free), Some(Shortcut::Pause));
        assert_eq!(shortcut("F", free), Some(Shortcut::FullScreen));
        assert_eq!(shortcut("x", free), None);
        let typing = KeyPlace {
            in_field: true,
            ..free
        };
        for key in ["n", "b", " ", "p", "f", "ArrowRight"] {
            assert_eq!(shortcut(key, typing), None, "{key} while typing");
        }
        let ctrl = KeyPlace {
            modified: true,
            ..free
        };
        assert_eq!(shortcut("p", ctrl), None, "Ctrl+P prints");
        let button = KeyPlace {
            on_control: true,
            ..free
        };
        assert_eq!(shortcut(" ", button), None, "Space presses the button");
        assert_eq!(shortcut("n", button), Some(Shortcut::Next));
    }
}
