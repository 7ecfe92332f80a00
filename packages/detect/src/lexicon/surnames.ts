/**
 * Curated surnames (core form, without tussenvoegsels: "de Vries" → "vries"), written by the
 * project as facts. Origins as for the first names. Lowercase; diacritics kept.
 * Several entries are also Dutch words (bakker, visser, kok): the rules treat those as ambiguous
 * via COMMON_WORD_NAMES, so being listed here only says "this can be a surname".
 */
export const SURNAMES: readonly string[] = `
jansen janssen vries berg dijk bakker visser smit meer boer mulder groot bos vos peters hendriks leeuwen dekker
dijkstra smits graaf linden kok jacobs haan vermeulen veen broek bruijn bruin schouten beek willems hoekstra maas
koster prins leeuw huisman peeters kuipers veenstra kramer post vlietstra wal kuiper timmermans jong hermans postma
boers vliet bosch brink vermeer laan gerritsen vink scholten kaya hoogeveen oudshoorn verbeek molenaar meijer meyer
mol sanders koning evers bergsma jonker hofman boon bosman dam groen haan keizer kroon lammers martens nijhuis pauw
rijn schipper steen stam tol veldhuis vos wolff zwart oosterhout teunissen claassen driessen geerts lambregts aarts
wijnaldum zwartkruis verwey brands eijk hulst kamp klein loon ouwehand stevens wouters ramdin jagesar mahabier
ramautar sewdien bhagwandin kasanpawiro kartosen karijo soekhoe sedney kross tjon tjon-a-loi fung lie wong
chin-a-foeng rozenblad mijnals vanenburg gravenberch martina isenia maduro pieternella rosaria statia cijntje coffie
idrissi ouaali bouzid khattabi ouali haddouchi boukhari bakkali aziz chaara mansouri tahiri benali belhaj bouzaidi
boutaleb aboutaleb hamdaoui ghazali hadi haddou zaari azough marzouki ouahabi yılmaz yilmaz kaya demir şahin sahin
çelik celik yıldız yildiz öztürk ozturk aydin arslan doğan dogan kılıç kilic aslan çetin cetin kara koç koc kurt
özdemir ozdemir polat erdoğan erdogan güler guler kowalski kowalska nowak wiśniewski wiśniewska wójcik kowalczyk
kamiński kamińska lewandowski lewandowska zieliński szymański jankowski woźniak dąbrowski kozłowski mazur krawczyk
mensah owusu boateng asante osei appiah adjei darko amoah ofori badu acheampong nguyen tran le pham huynh hoang vu
dang ng chen wang li zhang liu rossi russo ferrari esposito bianchi romano colombo ricci garcia rodriguez martinez
lopez gonzalez silva santos smith jones williams brown taylor wilson
`.split(/\s+/).filter(Boolean);
