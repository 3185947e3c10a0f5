//! How long this browser keeps what Crossroads stores, and who else can read it: Safari's
//! seven-day deletion, and the storage of the one-file kit opened from disk. Pure functions of
//! what the page can see (user agent, touch points, standalone display, protocol), so every
//! case is tested natively over real user-agent strings.

/// Where Crossroads runs, as far as keeping drafts goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// Nothing special is known: the browser keeps site data until the person clears it.
    Ordinary,
    /// A tab of Safari, or of any iPad or iPhone browser (they all run on Safari's engine):
    /// after seven days of use without a visit to Crossroads, the browser deletes everything it
    /// stored. A Home Screen or Dock app is not affected the same way.
    SafariTab(AppleDevice),
}

/// The Apple device a Safari-engine tab runs on, for the steps that keep drafts there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppleDevice {
    /// An iPad (iPadOS reports itself as a Mac; its touch screen tells it apart).
    IPad,
    /// An iPhone or iPod touch.
    IPhone,
    /// A Mac.
    Mac,
}

/// What the page can see of its browser.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BrowserFacts {
    /// `navigator.userAgent`.
    pub user_agent: String,
    /// `navigator.maxTouchPoints`.
    pub max_touch_points: u32,
    /// Opened as an installed app (Home Screen, Dock): `display-mode: standalone` or
    /// `navigator.standalone`.
    pub standalone: bool,
    /// `location.protocol` is `file:`: the one-file kit opened from disk.
    pub from_disk: bool,
}

impl BrowserFacts {
    /// Whether Safari's seven-day deletion applies, and on which device.
    #[inline(never)]
    pub fn durability(&self) -> Durability {
        if self.standalone {
            return Durability::Ordinary;
        }
        match self.apple_device() {
            Some(device) if self.is_safari_engine() => Durability::SafariTab(device),
            _ => Durability::Ordinary,
        }
    }

    fn apple_device(&self) -> Option<AppleDevice> {
        let ua = &self.user_agent;
        if ua.contains("iPad") {
            Some(AppleDevice::IPad)
        } else if ua.contains("iPhone") || ua.contains("iPod") {
            Some(AppleDevice::IPhone)
        } else if ua.contains("Macintosh") {
            // iPadOS 13 and later asks for desktop pages with a Mac's user agent; only its
            // touch screen gives it away.
            Some(if self.max_touch_points > 1 {
                AppleDevice::IPad
            } else {
                AppleDevice::Mac
            })
        } else {
            None
        }
    }

    /// Safari itself, or a browser that must use Safari's engine (every iPad and iPhone
    /// browser). Chrome, Edge and Firefox on a Mac have engines of their own. WebKitGTK's
    /// browsers on Linux say "Safari" too, but are neither Apple's nor under its rules; they
    /// never reach here, having no Apple device in their user agent.
    fn is_safari_engine(&self) -> bool {
        let ua = &self.user_agent;
        match self.apple_device() {
            Some(AppleDevice::IPad | AppleDevice::IPhone) => true,
            Some(AppleDevice::Mac) => {
                ua.contains("Safari/")
                    && ua.contains("Version/")
                    && !["Chrome/", "Chromium/", "Edg/", "Firefox/", "OPR/"]
                        .iter()
                        .any(|other| ua.contains(other))
            }
            None => false,
        }
    }

    /// How the one-file kit's storage behaves in this browser, when the page was opened from
    /// disk.
    pub fn kit_storage(&self) -> Option<KitStorage> {
        if !self.from_disk {
            return None;
        }
        Some(if self.user_agent.contains("Firefox/") {
            KitStorage::ThisPlaceOnly
        } else {
            KitStorage::SharedByLocalFiles
        })
    }
}

/// Where the drafts of the one-file kit are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KitStorage {
    /// Firefox: with this file at this place only. A copy elsewhere (another folder, another
    /// drive letter, a renamed newer kit) starts empty; the drafts stay with the first copy.
    ThisPlaceOnly,
    /// Chrome, Edge, Safari and other browsers: one storage for every page opened from disk,
    /// so any other local page can read (and change) the drafts.
    SharedByLocalFiles,
}

#[cfg(test)]
mod tests {
    use super::*;

    const IPAD_SAFARI: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
    const IPAD_OLD_UA: &str = "Mozilla/5.0 (iPad; CPU OS 12_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1";
    const IPHONE_SAFARI: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    const MAC_SAFARI: &str = IPAD_SAFARI;
    const IPAD_CHROME: &str = "Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1";
    const IPAD_FIREFOX: &str = "Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15";
    const IPHONE_EDGE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 EdgiOS/131.2903.68 Mobile/15E148 Safari/605.1.15";
    const MAC_CHROME: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    const MAC_EDGE: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86";
    const MAC_FIREFOX: &str =
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0";
    const WINDOWS_CHROME: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    const WINDOWS_EDGE: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86";
    const WINDOWS_FIREFOX: &str =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    const CHROMEBOOK: &str = "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    const MINIBROWSER: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15";

    fn facts(ua: &str, touch: u32, standalone: bool) -> BrowserFacts {
        BrowserFacts {
            user_agent: ua.to_string(),
            max_touch_points: touch,
            standalone,
            from_disk: false,
        }
    }

    #[test]
    fn safari_tabs_on_every_apple_device_are_cautioned() {
        use AppleDevice::*;
        let cases = [
            (IPAD_SAFARI, 5, IPad),
            (IPAD_OLD_UA, 5, IPad),
            (IPHONE_SAFARI, 5, IPhone),
            (MAC_SAFARI, 0, Mac),
            // Every iPad and iPhone browser runs on Safari's engine, and shares its rules.
            (IPAD_CHROME, 5, IPad),
            (IPAD_FIREFOX, 5, IPad),
            (IPHONE_EDGE, 5, IPhone),
        ];
        for (ua, touch, device) in cases {
            assert_eq!(
                facts(ua, touch, false).durability(),
                Durability::SafariTab(device),
                "{ua}"
            );
        }
    }

    #[test]
    fn home_screen_apps_and_other_browsers_are_not() {
        for (ua, touch) in [
            (MAC_CHROME, 0),
            (MAC_EDGE, 0),
            (MAC_FIREFOX, 0),
            (WINDOWS_CHROME, 0),
            (WINDOWS_EDGE, 10),
            (WINDOWS_FIREFOX, 0),
            (CHROMEBOOK, 10),
            (MINIBROWSER, 0),
        ] {
            assert_eq!(
                facts(ua, touch, false).durability(),
                Durability::Ordinary,
                "{ua}"
            );
        }
        for ua in [IPAD_SAFARI, IPHONE_SAFARI, MAC_SAFARI] {
            assert_eq!(
                facts(ua, 5, true).durability(),
                Durability::Ordinary,
                "{ua} standalone"
            );
        }
    }

    #[test]
    fn the_kit_knows_how_its_browser_keeps_pages_from_disk() {
        let kit = |ua: &str| BrowserFacts {
            from_disk: true,
            ..facts(ua, 0, false)
        };
        assert_eq!(
            kit(WINDOWS_FIREFOX).kit_storage(),
            Some(KitStorage::ThisPlaceOnly)
        );
        for ua in [
            WINDOWS_CHROME,
            WINDOWS_EDGE,
            MAC_SAFARI,
            MINIBROWSER,
            CHROMEBOOK,
        ] {
            assert_eq!(
                kit(ua).kit_storage(),
                Some(KitStorage::SharedByLocalFiles),
                "{ua}"
            );
        }
        assert_eq!(
            facts(WINDOWS_FIREFOX, 0, false).kit_storage(),
            None,
            "hosted"
        );
    }
}
