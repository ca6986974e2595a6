//! `replaced_by`: resolves each deprecated code's successor to an index and
//! records, on each successor, the codes it replaces.

use foldhash::{HashMap, HashSet};

use super::SourceMap;
use super::cx::Cx;
use crate::model::Code;
use crate::problem as diag;

/// Sets `replaced_by` and `replaces` on the lowered codes, reporting names
/// that resolve to nothing (E0016) or to the code itself (E0018). Cycles
/// are a lint (E0017).
pub(super) fn resolve(cx: &mut Cx<'_>, codes: &mut [Code], map: &SourceMap) {
    let written: HashSet<&str> = map.codes.iter().map(|c| c.name.as_str()).collect();
    let index: HashMap<&str, usize> = codes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.name.as_str(), i))
        .collect();
    let names: Vec<&str> = map.codes.iter().map(|c| c.name.as_str()).collect();
    let mut targets = vec![None; codes.len()];
    for source in &map.codes {
        let (Some(i), Some((target, span))) = (source.lowered, &source.replaced_by) else {
            continue;
        };
        match index.get(target.as_str()) {
            Some(&t) if t == i => {
                cx.push(diag::replaced_by_self(source.file, span.clone(), target))
            }
            Some(&t) => targets[i] = Some(t),
            // The target exists but failed to lower; it is reported already.
            None if written.contains(target.as_str()) => {}
            None => cx.push(diag::unknown_replacement(
                source.file,
                span.clone(),
                target,
                &names,
            )),
        }
    }
    for (i, target) in targets.into_iter().enumerate() {
        codes[i].replaced_by = target;
        if let Some(t) = target {
            codes[t].replaces.push(i);
        }
    }
}
