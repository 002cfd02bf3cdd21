/**
 * Word forms the suffix stemmer cannot read: English irregular verb forms → their base form, so
 * "fled" meets "fleeing" and "left" meets "leaving" (general English morphology, the common
 * irregular verbs of news copy: the exception list WordNet's own morphy keeps beside its rules),
 * and abbreviated ranks and offices → the word in full.
 */
const TABLE =
  'arose:arise arisen:arise ate:eat eaten:eat beat:beat beaten:beat became:become began:begin begun:begin ' +
  'bent:bend bit:bite bitten:bite blew:blow blown:blow bore:bear borne:bear broke:break broken:break ' +
  'brought:bring built:build burnt:burn bought:buy caught:catch chose:choose chosen:choose came:come ' +
  'dealt:deal drew:draw drawn:draw drove:drive driven:drive dug:dig fell:fall fallen:fall fed:feed ' +
  'felt:feel fought:fight found:find fled:flee flew:fly flown:fly forbade:forbid forbidden:forbid ' +
  'forgot:forget forgotten:forget forgave:forgive forgiven:forgive froze:freeze frozen:freeze got:get ' +
  'gotten:get gave:give given:give went:go gone:go grew:grow grown:grow hung:hang heard:hear hid:hide ' +
  'hidden:hide held:hold kept:keep knew:know known:know laid:lay led:lead left:leave lent:lend lay:lie ' +
  'lain:lie lost:lose made:make meant:mean met:meet overthrew:overthrow overthrown:overthrow paid:pay ' +
  'ran:run rode:ride ridden:ride rang:ring rung:ring rose:rise risen:rise sought:seek saw:see seen:see ' +
  'sold:sell sent:send shook:shake shaken:shake shot:shoot shown:show shrank:shrink sang:sing sung:sing ' +
  'sank:sink sunk:sink sat:sit slew:slay slain:slay slept:sleep slid:slide spoke:speak spoken:speak ' +
  'sped:speed spent:spend spun:spin sprang:spring sprung:spring stood:stand stole:steal stolen:steal ' +
  'stuck:stick stung:sting struck:strike stricken:strike strove:strive striven:strive swore:swear ' +
  'sworn:swear swept:sweep swam:swim swum:swim took:take taken:take taught:teach tore:tear torn:tear ' +
  'thought:think threw:throw thrown:throw understood:understand undertook:undertake ' +
  'undertaken:undertake upheld:uphold withdrew:withdraw withdrawn:withdraw withheld:withhold ' +
  'woke:wake woken:wake wore:wear worn:wear won:win wound:wind wrote:write written:write';

export const IRREGULAR_VERBS: ReadonlyMap<string, string> = new Map(
  TABLE.split(' ').map((pair) => pair.split(':') as [string, string]),
);

/**
 * Abbreviated ranks and offices → the word in full ("Brig. Gen." is "brigadier general"): news
 * copy abbreviates them before a name and spells them out elsewhere.
 */
export const TITLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  (
    'brig:brigadier gen:general col:colonel lt:lieutenant maj:major capt:captain sgt:sergeant ' +
    'adm:admiral cmdr:commander gov:governor govt:government dept:department amb:ambassador'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);
