/**
 * Curated first names, written by the project as facts (not copied from any list). They cover the
 * origins of the Dutch population: Dutch and Frisian, Moroccan and other Arabic, Turkish and
 * Kurdish, Surinamese (Hindustani, Javanese, Creole), Antillean, Polish and other Central/Eastern
 * European, Ghanaian and other West African, plus frequent international names.
 * Lowercase; diacritics kept (lookups also try a folded form).
 * Used as the whole first-name lexicon in 'builtin' mode and merged with the system list otherwise.
 */
export const FIRST_NAMES: readonly string[] = `
aad adriaan agnes albert alexander alida aline amber anke anna anne anneke annemarie anouk antje anton arie arjan
arjen arnold astrid bart bas bastiaan bea ben benthe berend bert bianca bob bram brenda carla carolien cas casper
charlotte chantal cees cornelis corrie daan dennis dick diederik dirk dorien edwin eline elise ellen els emma erik
esther eva evert fenna fleur floor frank frans frederik freek gea gerard gerda gerrit gert gijs gerrit-jan hanneke
hans harm hein hendrik henk henri hilde ilse ingrid iris jaap jacqueline jan janneke jannes jasper jeroen jesse joost
jop joris jos josje judith julia karin karel kees kim klaas koen lars laura lieke lisa lotte lucas luuk maaike maarten
marco marieke marijke marjolein mark martijn martin maud merel mirjam monique nadia niels nienke noor olivier paul
petra pien pieter pim quinten renate rick rik rob robin roel roos ruben rutger sander sanne saskia sem simone sjaak
sophie stefan stijn suzanne sven teun thijs thomas tim tineke tom truus vera wendy willem wim wouter yvonne zoë auke
bauke douwe durk eelke eelco fokke froukje gerbrich geeske hylke jelle jeltje jikke jildou jorrit lolkje minke oane
rintje sietske sjoerd sybren tjeerd tsjerk wiebe wietske ype ytsje abdel abdelkader abdellah abdelaziz abdelhak
abderrahim adil ahmed aicha aïcha amal amina amine anas asmae aziz badr bilal bouchra brahim chaima driss fadoua
fatima fatiha fouad hafsa hakim hamza hanane hassan hicham houda ibrahim ikram ilham imane imran iman issam jamal
jamila karim khadija khalid latifa layla leila loubna malika meryem mimoun mohamed mohammed mounir mourad mustafa
nabil nadia naima najat nora nordin nourdin omar otman rachid rachida redouan said saida salma samir samira sanae
siham soufiane souad tarik touria wafa yasmina yassine youssef zineb zouhair ahmet ali ayşe aylin aysel büşra can
canan cem deniz derya ebru elif emine emre esra fatma gül gülsüm hakan hatice hüseyin ibrahim kemal leyla mehmet
meltem murat mustafa necla nur onur orhan özlem recep selin sevgi sibel songül tuğba tülay ümit volkan yasemin yusuf
zeynep zeki anil arvind ashwin chandni devika dinesh geeta indira kavita krishna lakshmi manoj mohan navin nisha pooja
prakash priya radj rajesh ravi reshma rishi roshni sandjai sangita sharda shanti sunil sunita vijay vishal sri yanti
sutinah sukarni sumiati sutrisno wagiman harjo ratna dewi ayu romano clarence dimitri glenn ingrid ruud marciano
virgil jurgen quincy jerrel shurandy jaïro jaïr gyanni rigo naomi chanel sharon kimberley esmeralda sheila joyce
rosalie jozef anna barbara beata dorota grzegorz jakub joanna kasia krzysztof magdalena marek marta michał monika
paweł piotr tomasz wojciech zofia dariusz andrzej aleksandra irena ivana jelena milan dragan kwabena kwame kofi kojo
kwaku yaw ama akosua abena adjoa efua yaa afua emmanuel godfried gifty comfort patience chinedu ngozi amara oluwaseun
tunde ling wei jun hui minh thanh linh tuan hoa anh xiomara lorena carmen pablo jose josé maria maría juan carlos luis
ana sofia sofía giulia marco matteo luca giovanni francesca alessandro daniele paolo chiara john james david michael
sarah emily jessica kevin patrick daniel christopher jennifer laura
`.split(/\s+/).filter(Boolean);
