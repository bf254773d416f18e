//! The Simplified Chinese, with the terms of the Chinese MAPI documentation (后台处理程序 for the MAPI spooler, 传输提供程序, 状态表, 状态对象) catalog.

mod events;
mod file;
mod goal;
mod lesson;
mod narrate;
mod runtime;
mod scenario;
mod script;
mod words;

/// Every text in Simplified Chinese.
pub struct Chinese;

catalog!(Chinese, code "zh", tag "zh-CN", name "中文");
