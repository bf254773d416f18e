//! The shipped scenarios and script presets.

use flushq_core::script::{PRESET_PER_TRANSPORT, PRESET_SPOOLER};

/// Script presets: the seed's two procedures.
pub const SCRIPT_PRESETS: [(&str, &str); 2] = [("spooler", PRESET_SPOOLER), ("per_transport", PRESET_PER_TRANSPORT)];

/// The text of script preset `name`.
pub fn script_preset(name: &str) -> Option<&'static str> {
    SCRIPT_PRESETS.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// A shipped scenario file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// Its name (the file stem).
    pub name: &'static str,
    /// Its TOML text.
    pub toml: &'static str,
    /// Its title in Simplified Chinese (the file's `title` is the English one).
    pub title_zh: &'static str,
}

impl Preset {
    /// The file's own title, in English.
    pub fn title_en(&self) -> &'static str {
        self.toml.lines().find_map(|l| l.strip_prefix("title = ")).unwrap_or_default().trim_matches('"')
    }
}

macro_rules! presets {
    ($($name:literal => $zh:literal),* $(,)?) => {
        /// Every shipped scenario, in teaching order.
        pub fn presets() -> &'static [Preset] {
            &[$(Preset { name: $name, toml: include_str!(concat!("../../scenarios/", $name, ".toml")), title_zh: $zh }),*]
        }
    };
}

presets!(
    "spooler-upload" => "过程 A：通过后台处理程序刷新所有传出队列",
    "spooler-download" => "过程 A：通过后台处理程序接收全部邮件（FLUSH_DOWNLOAD）",
    "per-transport-download" => "过程 B：逐个传输提供程序接收，含回退",
    "per-transport-upload" => "过程 B：逐个传输提供程序发送（FLUSH_UPLOAD）",
    "fallback-no-flush-method" => "回退：没有 STATUS_FLUSH_QUEUES 的传输提供程序",
    "modem-ignores-no-ui" => "NO_UI 被忽略：弹出拨号对话框",
    "ras-user-cancels" => "用户取消 RAS 对话框",
    "async-transport-no-force" => "异步传输提供程序，不带 FLUSH_FORCE",
    "async-transport-force" => "异步传输提供程序，带 FLUSH_FORCE",
    "async-ok-busy" => "FLUSH_ASYNC_OK，随后 MAPI_E_BUSY",
    "link-down" => "一个传输提供程序链路断开",
    "read-the-status-table" => "S_OK 不等于“已发出”：读取状态表",
    "message-fails" => "一封无法投递的邮件",
    "message-deferred" => "延迟的邮件在下一次刷新时发出",
    "drops-flush-bits" => "传输提供程序在刷新途中清除 FLUSH 位",
    "leaky-script" => "泄漏资源的脚本",
    "validate-state" => "对后台处理程序、子系统和传输提供程序调用 ValidateState",
    "offline-force-connect" => "用 ValidateState(FORCE_XP_CONNECT) 让脱机的传输提供程序恢复联机",
    "spooler-shutdown" => "后台处理程序在刷新途中关闭",
);

/// The shipped scenario named `name`.
pub fn preset(name: &str) -> Option<&'static Preset> {
    presets().iter().find(|p| p.name == name)
}
