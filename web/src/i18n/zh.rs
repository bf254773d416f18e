//! The page in Simplified Chinese, with the terms of the Chinese MAPI
//! documentation (后台处理程序, 传输提供程序, 状态表). MAPI identifiers and the
//! names of transports stay as they are; Latin words are set off by spaces.

use super::ui::Contradiction;
use super::ui::*;
use super::UiCatalog;
use crate::components::header::Export;
use crate::share::{ShareError, MAX_DATA};
use crate::state::Panel;
use flushq_core::trace::Answer;
use flushq_explain::predict::Ask;
use flushq_explain::{file_message_in, Lang};
use std::borrow::Cow::{self, Borrowed};

/// Simplified Chinese.
pub struct Chinese;

impl UiCatalog for Chinese {
    fn code(&self) -> &'static str {
        "zh"
    }

    fn header(&self, m: Header) -> &'static str {
        match m {
            Header::Tagline => " · MAPI FlushQueues 演练场",
            Header::DocumentTitle => "flushq — MAPI FlushQueues 演练场",
            Header::SidePanel => "侧栏",
            Header::Tab(Panel::Lessons) => "课程",
            Header::Tab(Panel::Script) => "脚本",
            Header::Tab(Panel::Scenario) => "场景",
            Header::Preset => "预设",
            Header::LoadPreset => "载入预设场景",
            Header::Custom => "— 自定义 —",
            // Read on the English page, which offers this language.
            Header::SwitchToThis => "中文 (switch the page to Simplified Chinese)",
            Header::Share => "分享链接",
            Header::ShareTitle => "复制指向当前状态的链接",
            Header::Embed => "嵌入",
            Header::EmbedTitle => "复制可嵌入文档页面的 HTML",
            Header::Shortcuts => "键盘快捷键",
            Header::ShortcutsTitle => "键盘快捷键（?）",
            Header::Export => "导出",
            Header::ExportAs(Export::Json) => "跟踪（JSON）",
            Header::ExportAs(Export::Mermaid) => "Mermaid 时序图",
            Header::ExportAs(Export::Svg) => "示意图（SVG）",
            Header::ExportAs(Export::Toml) => "场景（TOML）",
        }
    }

    fn help(&self, m: Help) -> &'static str {
        match m {
            Help::Title => "键盘快捷键",
            Help::Forward => "前进一步",
            Help::Back => "后退一步",
            Help::PlayPause => "播放 / 暂停",
            Help::First => "第一步",
            Help::End => "运行到结尾",
            Help::PickAnswer => "预测模式：选择答案",
            Help::Toggle => "显示或隐藏此列表",
            Help::CloseDialogs => "关闭对话框",
            Help::NotInInputs => "在编辑器或任何输入框中按下的键不会被当作快捷键。",
            Help::Close => "关闭",
        }
    }

    fn controls(&self, m: Controls) -> Cow<'static, str> {
        Borrowed(match m {
            Controls::Playback => "播放",
            Controls::ResetTitle => "回到开头（Home）",
            Controls::Reset => "重置",
            Controls::BackTitle => "后退一步（←）",
            Controls::Back => "后退一步",
            Controls::PlayTitle => "播放或暂停（空格）",
            Controls::Pause => "暂停",
            Controls::Play => "播放",
            Controls::ForwardTitle => "前进一步（→）",
            Controls::Forward => "前进一步",
            Controls::EndTitle => "运行到结尾（End）",
            Controls::End => "运行到结尾",
            Controls::Step => "步骤",
            Controls::StepOf { step, len } => return format!("第 {step} 步，共 {len} 步").into(),
            Controls::PredictTitle => "预测模式：在关键步骤揭晓之前先猜一猜",
            Controls::Predict => "预测",
            Controls::Speed => "速度",
            Controls::PlaybackSpeed => "播放速度",
            Controls::SpeedName(Speed::Slow) => "慢",
            Controls::SpeedName(Speed::Normal) => "正常",
            Controls::SpeedName(Speed::Fast) => "快",
            Controls::SpeedName(Speed::Full) => "全速",
        })
    }

    fn page(&self, m: Page) -> Cow<'static, str> {
        Borrowed(match m {
            Page::OpenInPlayground => "在演练场中打开 ↗",
            Page::Inputs => "输入",
            Page::ClientScript => "客户端脚本",
            Page::Simulation => "模拟",
            Page::Stale => "脚本有错误，这里显示的是上一次成功的运行。修正脚本后会重新运行。",
            Page::WaitsForAnswer => "运行正在等待你回答对话框。",
            Page::StepNo(step) => return format!("第 {step} 步").into(),
            Page::NothingRan => "什么也没有运行：请先修正脚本或场景。",
            Page::NothingYet => "还什么都没有发生。按 ▶ 或 → 逐步运行客户端脚本。",
            Page::Follows => "参考文档：",
            Page::ModelChoice => "模型选择",
            Page::ModelChoiceWhy => "MAPI 参考文档没有规定这一步；旁白说明了本模拟的选择。",
        })
    }

    fn status_table(&self, m: StatusTable) -> &'static str {
        match m {
            StatusTable::Heading => "状态表",
            StatusTable::MatchedNote => "，符合限制条件",
            StatusTable::Hint => {
                "高亮的行符合最近一次 HrQueryAllRows 的限制条件；为节省宽度，这里省略了名称中的 MAPI_ 和 STATUS_ 前缀。"
            }
        }
    }

    fn trace(&self, m: Trace) -> Cow<'static, str> {
        match m {
            Trace::Heading => Borrowed("跟踪"),
            Trace::Count { shown, total } => format!(" 第 {shown} 个事件，共 {total} 个").into(),
            Trace::Earlier(n) => format!("… 之前的 {n} 个事件").into(),
            Trace::Ahead(n) => format!("后面还有 {n} 个事件；继续前进或按 End。").into(),
        }
    }

    fn diagram(&self, m: Diagram<'_>) -> Cow<'static, str> {
        Borrowed(match m {
            Diagram::Label { step, transports } => {
                return format!("第 {step} 步的会话示意图：{transports} 个传输提供程序").into()
            }
            Diagram::ClientColumn => "客户端",
            Diagram::SpoolerColumn => "后台处理程序",
            Diagram::TransportsColumn => "传输提供程序（按传输顺序）",
            Diagram::RemoteColumn => "远程系统",
            Diagram::Window { first, last, of } => {
                return format!("显示第 {first}-{last} 个传输提供程序（共 {of} 个），围绕当前步骤；状态表列出全部")
                    .into()
            }
            Diagram::ClientApp => "客户端应用程序",
            Diagram::ScriptLine(l) => return format!("脚本第 {l} 行").into(),
            Diagram::Idle => "空闲",
            Diagram::WaitsIn(l) => return format!("在 FlushQueues 中等待，L{l}").into(),
            Diagram::Outbox(n) => return format!("发件箱：{n} 封排队中").into(),
            Diagram::Inbox(n) => return format!("收件箱（{n}）").into(),
            Diagram::Session => "MAPI 会话",
            Diagram::StatusRows(n) => return format!("状态表：{n} 行").into(),
            Diagram::RowsMatched(n) => return format!("匹配的行：{n}").into(),
            Diagram::OpenHandles(n) => return format!("打开的句柄：{n}").into(),
            Diagram::Spooler => "MAPI 后台处理程序",
            Diagram::FlushingInOrder => "按顺序刷新：",
            Diagram::JobDone(n) => return format!("  … 已完成 {n} 个").into(),
            Diagram::JobMore(n) => return format!("  … 还有 {n} 个").into(),
            Diagram::ModemHeld(name) => return format!("☎ 调制解调器线路：由 {name} 占用").into(),
            Diagram::ModemFree => "☎ 调制解调器线路：空闲",
            Diagram::Returns => "返回",
            Diagram::Dialog { transport } => return format!("连接 {transport}？").into(),
            Diagram::Progress(parent) => return format!("进度：窗口 {parent}").into(),
            Diagram::IgnoresNoUi => "忽略 NO_UI",
            Diagram::Asynchronous => "异步",
            Diagram::Out => "传出",
            Diagram::Held => "滞留",
            Diagram::Delivered => "已送达",
            Diagram::WaitingForUs => "等待我们接收",
            Diagram::MoreMessages(n) => return format!("另有 {n} 封邮件").into(),
        })
    }

    fn prompt(&self, m: Prompt<'_>) -> Cow<'static, str> {
        Borrowed(match m {
            Prompt::Title { transport } => return format!("连接 {transport}？").into(),
            Prompt::Body { transport } => {
                return format!("{transport} 需要通过调制解调器线路拨号才能收发邮件。").into()
            }
            Prompt::NoUi(true) => "客户端传递了 FLUSH_NO_UI，但这个传输提供程序不遵守它。",
            Prompt::NoUi(false) => "客户端没有传递 FLUSH_NO_UI。",
            Prompt::Answer(Answer::Connect) => "连接",
            Prompt::Answer(Answer::Cancel) => "取消",
            Prompt::AnsweredBefore(a) => {
                let was = self.prompt(Prompt::Answer(a));
                return format!("之前的回答：{was}。选择另一个回答，会从这里分叉出新的未来。").into();
            }
        })
    }

    fn predict(&self, m: Predict<'_>) -> Cow<'static, str> {
        Borrowed(match m {
            Predict::Heading => "预测",
            Predict::Score { right, given, total } => {
                return format!("答对 {right}/{given} · 本次运行共 {total} 题").into()
            }
            Predict::Bit { bit, set: true } => return format!("{bit} 置位").into(),
            Predict::Bit { bit, set: false } => return format!("{bit} 清除").into(),
            Predict::Question { ask, object } => {
                // Transport names are set off by spaces, as Latin words are; the
                // spooler is named in Chinese.
                let object = match object {
                    Object::Spooler => String::from("后台处理程序"),
                    Object::Transport(name) => format!(" {name} "),
                    Object::Nothing => String::new(),
                };
                return match ask {
                    Ask::Actor => Borrowed("下一步由谁行动？"),
                    Ask::StatusBit => format!("下一步{object}的 PR_STATUS_CODE 中哪一位会变化？").into(),
                    Ask::HResult => format!("客户端对{object}调用的 FlushQueues 返回什么？").into(),
                    Ask::XpHResult => {
                        format!("{} 的 IXPLogon::FlushQueues 向后台处理程序返回什么？", object.trim()).into()
                    }
                };
            }
            Predict::Right { expected } => return format!("答对了：{expected}。上面的旁白解释了原因。").into(),
            Predict::Wrong { picked, expected } => {
                return format!("不对：你选了 {picked}，正确答案是 {expected}。上面的旁白解释了原因。").into();
            }
            Predict::PickHint => {
                "选一个答案（或按 1–4）即可揭晓这一步。▶ 和 → 会等你作答；拖动进度条或按 End 可以跳过。"
            }
            Predict::Idle => "继续前进：运行会在每个值得预测的步骤之前停下。",
        })
    }

    fn flags(&self, m: Flags) -> Cow<'static, str> {
        Borrowed(match m {
            Flags::Legend => "FlushQueues 标志",
            Flags::LegendCalls(n) => return format!("FlushQueues 标志（{n} 处调用）").into(),
            Flags::NoConstantFlags => "脚本中没有以常量写出标志的 FlushQueues 调用。",
            Flags::MixedFlags => "各个 FlushQueues 调用的标志不同或是计算得出的；请在脚本中修改。",
            Flags::Help(Flag::Upload) => "发送：刷新传出队列",
            Flags::Help(Flag::Download) => "接收：刷新传入队列",
            Flags::Help(Flag::NoUi) => "不显示进度指示器；拨号传输仍可能询问是否连接",
            Flags::Help(Flag::Force) => "即使代价高也刷新；异步传输提供程序必须使用",
            Flags::Help(Flag::AsyncOk) => "仅用于后台处理程序：刷新结束前即返回",
            Flags::ContradictionsHead => "参考文档本身也有矛盾",
            Flags::Contradiction(Contradiction::LoopNames) => "“实现 FlushQueues 方法”页面把发送循环称为“下载”，把接收循环称为“上传”，与标志名称正好相反。",
            Flags::Contradiction(Contradiction::NotesPairUploadWithInbound) => "IMAPIStatus::FlushQueues 的实现者说明把 FLUSH_UPLOAD 与 INBOUND 状态位对应；本模拟以“实现”页面为准：UPLOAD 设置 STATUS_OUTBOUND_FLUSH。",
            Flags::Contradiction(Contradiction::SynchronousYetAsynchronous) => "FlushQueues 默认是同步的，但在传输提供程序自己的状态对象上调用时，刷新相对客户端是异步进行的。",
            Flags::Contradiction(Contradiction::CallsOnlyWhenBitsSet) => "参考文档说后台处理程序只在 FLUSH 位已设置时才调用传输提供程序的 FlushQueues，但第 1 步在任何位设置之前就调用了它。",
            Flags::ErratumHead => "方向勘误：",
            Flags::Erratum => {
                "原始页面说 FLUSH_DOWNLOAD 刷新传出队列、FLUSH_UPLOAD 刷新传入队列。IMAPIStatus::FlushQueues 和 IXPLogon::FlushQueues 的参考文档说的正好相反，flushq 以参考文档为准：UPLOAD 发送，DOWNLOAD 接收。"
            }
        })
    }

    fn scenario_editor(&self, m: ScenarioEditor<'_>) -> Cow<'static, str> {
        Borrowed(match m {
            ScenarioEditor::Heading => "场景",
            ScenarioEditor::Title => "标题 ",
            ScenarioEditor::Seed => "随机种子 ",
            ScenarioEditor::Transports => "传输提供程序（按传输顺序）",
            ScenarioEditor::AddTransport => "+ 添加传输提供程序",
            ScenarioEditor::MessageStores => "邮件存储",
            ScenarioEditor::Stores => "存储 ",
            ScenarioEditor::StoreNames => "名称，用逗号分隔",
            ScenarioEditor::Faults => "故障",
            ScenarioEditor::AddFault => "+ 添加故障",
            ScenarioEditor::Subjects => "邮件主题，用逗号分隔",
            ScenarioEditor::HonoursNoUi => "遵守 FLUSH_NO_UI",
            ScenarioEditor::Asynchronous => "异步（需要 FLUSH_FORCE）",
            ScenarioEditor::Offline => "脱机（STATUS_OFFLINE）",
            ScenarioEditor::Outbound => "传出队列 ",
            ScenarioEditor::WaitingRemotely => "远程等待 ",
            ScenarioEditor::Name => "名称 ",
            ScenarioEditor::NameOf(n) => return format!("第 {n} 个传输提供程序的名称").into(),
            ScenarioEditor::Kind => "类型 ",
            ScenarioEditor::KindOf(name) => return format!("{name} 的类型").into(),
            ScenarioEditor::MoveUp(name) => return format!("上移 {name}").into(),
            ScenarioEditor::MoveDown(name) => return format!("下移 {name}").into(),
            ScenarioEditor::Remove(name) => return format!("删除 {name}").into(),
            ScenarioEditor::FaultTransport => "故障所在的传输提供程序",
            ScenarioEditor::FaultKind => "故障类型",
            ScenarioEditor::SubjectPlaceholder => "邮件主题",
            ScenarioEditor::Subject => "邮件主题",
            ScenarioEditor::RemoveFault => "删除故障",
            ScenarioEditor::ShutdownAfter => "后台处理程序关闭前已提交的邮件数",
        })
    }

    fn lessons(&self, m: Lessons<'_>) -> Cow<'static, str> {
        Borrowed(match m {
            Lessons::Heading => "课程",
            Lessons::Solved { solved, total } => return format!(" 已完成 {solved}/{total}").into(),
            Lessons::TrackIntro => {
                "每课给出一个场景和一段待修改的脚本；每次编辑后由核心检查目标。标准杆是参考答案的语句数：追平或打破它。"
            }
            Lessons::ExportProgress => "导出进度",
            Lessons::ImportProgress => "导入进度 ",
            Lessons::Best { best, par } => return format!("{best} / 标准杆 {par}").into(),
            Lessons::Par(par) => return format!("标准杆 {par}").into(),
            Lessons::AllLessons => "← 全部课程",
            Lessons::Goal => "目标",
            Lessons::Colon => "：",
            Lessons::NotRunning => "脚本还不能运行：请查看诊断信息。",
            Lessons::Reached { statements, par } => {
                return format!("已达成目标，用了 {statements} 条语句（标准杆 {par}）。").into()
            }
            Lessons::Golf { statements, par } => return format!("{statements} 条语句；标准杆 {par}。").into(),
            Lessons::Next(title) => return format!("下一课：{title} →").into(),
            Lessons::Hint { shown, of } => return format!("提示（{shown}/{of}）").into(),
            Lessons::HideSolution => "隐藏答案",
            Lessons::ShowSolution => "显示答案",
            Lessons::DiffIntro => {
                "你的脚本与答案的对比：− 为要删除的行，+ 为要添加的行。放进编辑器之前不会运行；你的脚本会被保留。"
            }
            Lessons::BackToMine => "恢复我的脚本",
            Lessons::UseSolution => "把答案放进编辑器",
        })
    }

    fn toast(&self, m: Toast<'_>) -> String {
        match m {
            Toast::LinkFailed(why) => format!("无法打开这个链接：{why}。已改为打开上一次的会话（或默认场景）。"),
            Toast::Solved(n) => format!("本课完成，用了 {n} 条语句。进度已保存。"),
            Toast::Imported(n) => format!("已导入 {n} 课的进度。"),
            Toast::LinkCopied(n) => format!("链接已复制（{n} 个字符），打开后正是这一步。"),
            Toast::EmbedCopied(n) => format!("嵌入代码已复制（{n} 个字符）：粘贴到文档页面即可。"),
        }
    }

    fn share_error(&self, e: &ShareError) -> String {
        use ShareError::*;
        match e {
            Empty => String::from("这个链接里没有共享的场景"),
            MissingVersion => String::from("这个链接没有格式版本（v=...）；它不是 flushq 链接"),
            BadVersion(v) => format!("这个链接的格式版本 `{v}` 无效"),
            NewerVersion(n) => format!("这个链接由更新版本的 flushq 生成（格式 v={n}）"),
            MissingData => String::from("这个链接没有场景数据（s=...）"),
            BadChar { position, found } => format!("链接数据的第 {position} 个字符 {found:?} 无效"),
            Truncated => String::from("链接数据不完整；是否复制了整个链接？"),
            TooLarge => format!("链接数据超过 {} MiB", MAX_DATA >> 20),
            Corrupt => String::from("链接数据已损坏，无法解压"),
            NotText => String::from("链接数据不是文本（UTF-8 无效）"),
            MissingHeader => String::from("链接数据不是以 flushq-share 头开始的"),
            BadHeader(why) => format!("链接的头部已损坏：{why}"),
            BadStep(s) => format!("链接中的步骤 `{s}` 不是数字"),
            BadAnswer(a) => format!("链接中的回答 `{a}` 既不是 c（连接）也不是 x（取消）"),
            InvalidScenario { line, col, message } => {
                format!("链接中的场景无效：第 {line} 行第 {col} 列：{}", file_message_in(message, Lang::ZH))
            }
        }
    }
}
