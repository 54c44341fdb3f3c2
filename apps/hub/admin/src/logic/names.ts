/** The English name where there is one and the console is in English, else the Vietnamese one. */
export function nameIn(language: 'vi' | 'en', item: { name: string; nameEn?: string | null | undefined }): string {
  return language === 'en' && item.nameEn ? item.nameEn : item.name;
}
