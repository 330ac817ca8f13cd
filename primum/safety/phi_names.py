"""Compact name lists for the PHI guard (offline, no downloads).

First names: Faker's en_US lists (MIT licence; derived from US census frequency lists) plus a
few common names from other languages, then a hand-written list of common given names from
other cultures. Surnames: Faker's en_US list of the 1,000 most common US surnames plus common
Hispanic, South Asian, East Asian, African, Arabic, Persian, Turkish and Irish surnames.
Generated once by hand; edit freely.
"""

from __future__ import annotations

_FIRST = """
    Aaron Abdul Abigail Adam Adrian Adriana Adrienne Agnieszka Aimee Aisha Alan Albert Alec
    Alejandra Alejandro Alex Alexa Alexander Alexandra Alexandria Alexis Alfred Alice Alicia
    Alisha Alison Allen Allison Alvin Alyssa Amanda Amara Amber Amy Ana Ananya Andre Andrea
    Andres Andrew Angel Angela Angelica Angie Anika Anita Ann Anna Anne Annette Anthony Antonio
    Aoife April Ariana Ariel Arjun Arthur Ashlee Ashley Audrey Austin Autumn Ayesha Bailey
    Barbara Barry Becky Belinda Benjamin Bernard Beth Bethany Betty Beverly Bianca Bilal Bill
    Billy Blake Bob Bobby Bonnie Brad Bradley Brady Brandi Brandon Brandy Breanna Brenda Brendan
    Brent Brett Brian Briana Brianna Bridget Brittany Brittney Bronwyn Brooke Bruce Bryan Bryce
    Caitlin Caitlyn Caleb Calvin Cameron Candace Candice Carl Carla Carlos Carly Carmen Carol
    Caroline Carolyn Carrie Casey Cassandra Cassidy Cassie Catherine Cathy Cesar Chad Charlene
    Charles Charlotte Chase Chelsea Chelsey Cheryl Cheyenne Chidi Chioma Chloe Chris Christian
    Christie Christina Christine Christopher Christy Ciaran Cindy Claire Clarence Claudia
    Clayton Clifford Clinton Cody Cole Colin Colleen Collin Colton Connie Connor Corey Cory
    Courtney Craig Cristian Cristina Crystal Curtis Cynthia Daisy Dakota Dale Dalton Damon Dan
    Dana Daniel Danielle Danny Darin Darius Darlene Darrell Darren Darryl Daryl Dave David Dawn
    Dean Deanna Debbie Deborah Debra Declan Deepak Denise Dennis Derek Derrick Desiree Destiny
    Devin Devon Diamond Diana Diane Dillon Dmitri Dominic Dominique Don Donald Donna Doris
    Dorothy Douglas Drew Duane Dustin Dwayne Dylan Earl Ebony Eddie Edgar Eduardo Edward Edwin
    Eileen Elaine Elijah Elizabeth Ellen Emeka Emily Emma Eric Erica Erik Erika Erin Ernest
    Ethan Eugene Evan Evelyn Ewan Faith Farah Fatima Felicia Fernando Frances Francis Francisco
    Frank Franklin Fred Frederick Gabriel Gabriela Gabriella Gabrielle Gail Gareth Garrett Gary
    Gavin Gene Geoffrey George Gerald Gilbert Gina Giulia Glen Glenda Glenn Gloria Gordon Grace
    Grant Greg Gregg Gregory Guy Gwendolyn Hailey Haley Hamish Hamza Hana Hannah Harold Harry
    Hayden Hayley Heather Hector Heidi Helen Henry Herbert Hiroshi Holly Howard Hunter Ian
    Ibrahim Ines Isaac Isabel Isabella Isaiah Isla Ivan Jack Jackie Jackson Jaclyn Jacob
    Jacqueline Jade Jaime Jake Jamal James Jamie Jane Janet Janice Jared Jasmin Jasmine Jason
    Javier Jay Jean Jeanette Jeanne Jeff Jeffery Jeffrey Jenna Jennifer Jenny Jeremiah Jeremy
    Jermaine Jerome Jerry Jesse Jessica Jesus Jill Jillian Jim Jimmy Jo Joan Joann Joanna Joanne
    Jocelyn Jodi Jody Joe Joel John Johnathan Johnny Jon Jonathan Jonathon Jordan Jorge Jose
    Joseph Joshua Joy Joyce Juan Judith Judy Julia Julian Julie Justin Kaitlin Kaitlyn Kara
    Karen Kari Karina Karl Karla Katelyn Katherine Kathleen Kathryn Kathy Katie Katrina Kayla
    Kaylee Keith Kelli Kellie Kelly Kelsey Kendra Kenji Kenneth Kent Kerri Kerry Kevin Kiara Kim
    Kimberly Kirk Kirsten Krista Kristen Kristi Kristie Kristin Kristina Kristine Kristopher
    Kristy Krystal Kurt Kwame Kyle Kylie Lacey Lakshmi Lance Larry Latasha Latoya Laura Lauren
    Laurie Lawrence Leah Lee Leila Leon Leonard Leroy Leslie Levi Linda Lindsay Lindsey Lisa
    Logan Lonnie Loretta Lori Lorraine Louis Luca Lucas Lucia Luis Luke Lydia Lynn Mackenzie
    Madeline Madison Magdalena Makayla Malik Mallory Mandy Manuel Marc Marcia Marco Marcus
    Margaret Maria Mariah Marie Marilyn Mario Marisa Marissa Mark Martha Martin Marvin Mary
    Mason Mateo Mathew Matthew Maureen Maurice Max Maxwell Mckenzie Meagan Megan Meghan Mehmet
    Mei Melanie Melinda Melissa Melody Melvin Mercedes Meredith Mia Michael Michaela Micheal
    Michele Michelle Miguel Mikayla Mike Mindy Miranda Misty Mitchell Mohammed Molly Monica
    Monique Morgan Muhammad Nadia Nancy Natalie Natasha Nathan Nathaniel Naveen Neil Ngozi Niamh
    Nicholas Nichole Nicolas Nicole Nina Noah Noor Norma Norman Olga Olivia Oluwaseun Omar Oscar
    Pablo Paige Pam Pamela Parker Patricia Patrick Patty Paul Paula Pedro Peggy Penny Perry
    Peter Philip Phillip Phyllis Preston Priscilla Priya Rachael Rachel Rahul Rajesh Ralph
    Randall Randy Rania Raven Ray Raymond Rebecca Rebekah Regina Reginald Renee Rhonda Rhys
    Ricardo Richard Rick Rickey Ricky Riley Rita Robert Roberta Roberto Robin Robyn Rodney Roger
    Rohan Ronald Ronnie Rose Ross Roy Ruben Russell Ruth Ryan Sabrina Sally Samantha Samuel
    Sandra Sandy Sanjay Santiago Saoirse Sara Sarah Savannah Scott Sean Selena Sergio Seth Shane
    Shannon Shari Sharon Shaun Shawn Shawna Sheena Sheila Shelby Shelia Shelley Shelly Sheri
    Sherri Sherry Sheryl Shirley Sierra Siobhan Sofia Sonia Sonya Sophia Spencer Stacey Stacie
    Stacy Stanley Stefanie Stephanie Stephen Steve Steven Stuart Sue Summer Sunita Susan Suzanne
    Sydney Sylvia Tabitha Tamara Tami Tammie Tammy Tanner Tanya Tara Tariq Tasha Taylor Teresa
    Terrance Terrence Terri Terry Theodore Theresa Thomas Tiffany Tim Timothy Tina Todd Tom
    Tomasz Tommy Toni Tony Tonya Tracey Traci Tracie Tracy Travis Trevor Tricia Tristan Troy
    Tyler Tyrone Valerie Vanessa Vernon Veronica Vicki Vickie Victor Victoria Vikram Vincent
    Virginia Walter Wanda Warren Wayne Wei Wendy Wesley Whitney William Willie Wyatt Xavier Xin
    Yasmin Yesenia Yolanda Yusuf Yvette Yvonne Zachary Zainab Zoe
"""

_SURNAMES = """
    Abbott Acevedo Acosta Adams Adkins Aguilar Aguirre Alexander Ali Allen Allison Alvarado
    Alvarez Andersen Anderson Andrade Andrews Anthony Archer Arellano Arias Armstrong Arnold
    Arroyo Ashley Atkins Atkinson Austin Avery Avila Ayala Ayers Bailey Baird Baker Baldwin Ball
    Ballard Banks Barajas Barber Barker Barnes Barnett Barr Barrera Barrett Barron Barry
    Bartlett Barton Bass Bates Bauer Bautista Baxter Bean Beard Beasley Beck Becker Bell Beltran
    Bender Benitez Benjamin Bennett Benson Bentley Benton Berg Berger Bernard Berry Best Bird
    Bishop Black Blackburn Blackwell Blair Blake Blanchard Blankenship Blevins Bolton Bond
    Bonilla Booker Boone Booth Bowen Bowers Bowman Boyd Boyer Boyle Bradford Bradley Bradshaw
    Brady Branch Brandt Braun Bray Brennan Brewer Bridges Briggs Bright Brock Brooks Brown
    Browning Bruce Bryan Bryant Buchanan Buck Buckley Bullock Burch Burgess Burke Burnett Burns
    Burton Bush Butler Byrd Cabrera Cain Calderon Caldwell Calhoun Callahan Camacho Cameron
    Campbell Campos Cannon Cantrell Cantu Cardenas Carey Carlson Carney Carpenter Carr Carrillo
    Carroll Carson Carter Case Casey Castaneda Castillo Castro Cervantes Chambers Chan Chandler
    Chaney Chang Chapman Charles Chase Chavez Chen Cherry Choi Christensen Christian Chung
    Church Cisneros Clark Clarke Clay Clayton Clements Cline Cobb Cochran Coffey Cohen Cole
    Coleman Collier Collins Colon Combs Compton Conley Conner Conrad Contreras Conway Cook Cooke
    Cooley Cooper Copeland Cordova Cortez Costa Cowan Cox Craig Crane Crawford Crosby Cross Cruz
    Cuevas Cummings Cunningham Curry Curtis Dalton Daniel Daniels Daugherty Davenport David
    Davidson Davies Davila Davis Dawson Day Dean Decker Delacruz Deleon Delgado Dennis Diaz
    Dickerson Dickson Dillon Dixon Dodson Dominguez Donaldson Donovan Dorsey Dougherty Douglas
    Downs Doyle Drake Duarte Dudley Duffy Duke Duncan Dunlap Dunn Duran Durham Dyer Eaton
    Edwards Elliott Ellis Ellison English Erickson Escobar Esparza Espinoza Estes Estrada Evans
    Everett Ewing Farley Farmer Farrell Faulkner Ferguson Fernandez Ferrell Fields Figueroa
    Finley Fischer Fisher Fitzgerald Fitzpatrick Fleming Fletcher Flores Flowers Floyd Flynn
    Foley Forbes Ford Foster Fowler Fox Francis Franco Frank Franklin Frazier Frederick Freeman
    French Frey Friedman Fritz Frost Fry Frye Fuentes Fuller Gaines Gallagher Gallegos Galloway
    Galvan Gamble Garcia Gardner Garner Garrett Garrison Garza Gates Gay Gentry George Gibbs
    Gibson Gilbert Giles Gill Gillespie Gilmore Glass Glenn Glover Golden Gomez Gonzales
    Gonzalez Good Goodman Goodwin Gordon Gould Graham Grant Graves Gray Green Greene Greer
    Gregory Griffin Griffith Grimes Gross Guerra Guerrero Gutierrez Guzman Haas Hahn Hale Haley
    Hall Hamilton Hammond Hampton Hancock Haney Hanna Hansen Hanson Hardin Harding Hardy Harmon
    Harper Harrell Harrington Harris Harrison Hart Hartman Harvey Hatfield Hawkins Hayden Hayes
    Haynes Hays Heath Hebert Henderson Hendricks Hendrix Henry Hensley Henson Herman Hernandez
    Herrera Herring Hess Hester Hickman Hicks Higgins Hill Hines Hinton Ho Hobbs Hodge Hodges
    Hoffman Hogan Holden Holder Holland Holloway Holmes Holt Hood Hooper Hoover Hopkins Horn
    Horne Horton House Houston Howard Howe Howell Huang Hubbard Huber Hudson Huerta Huff Huffman
    Hughes Hull Humphrey Hunt Hunter Hurley Hurst Hutchinson Huynh Ibarra Ingram Irwin Jackson
    Jacobs Jacobson James Jarvis Jefferson Jenkins Jennings Jensen Jimenez Johns Johnson
    Johnston Jones Jordan Joseph Joyce Juarez Kaiser Kane Kaufman Keith Keller Kelley Kelly Kemp
    Kennedy Kent Kerr Key Khan Kidd Kim King Kirby Kirk Klein Kline Knapp Knight Knox Koch
    Kramer Krause Krueger Lam Lamb Lambert Landry Lane Lang Lara Larsen Larson Lawrence Lawson
    Le Leach Leblanc Lee Leon Leonard Lester Levine Levy Lewis Li Lin Lindsey Little Liu
    Livingston Lloyd Logan Long Lopez Love Lowe Lowery Lozano Lucas Lucero Luna Lutz Lynch Lynn
    Lyons Macdonald Macias Mack Madden Maddox Mahoney Maldonado Malone Mann Manning Marks
    Marquez Marsh Marshall Martin Martinez Mason Massey Mata Mathews Mathis Matthews Maxwell May
    Mayer Maynard Mayo Mays Mcbride Mccall Mccann Mccarthy Mccarty Mcclain Mcclure Mcconnell
    Mccormick Mccoy Mccullough Mcdaniel Mcdonald Mcdowell Mcfarland Mcgee Mcgrath Mcguire
    Mcintosh Mcintyre Mckay Mckee Mckenzie Mckinney Mcknight Mclaughlin Mclean Mcmahon Mcmillan
    Mcneil Mcpherson Meadows Medina Mejia Melendez Melton Mendez Mendoza Mercado Mercer Merritt
    Meyer Meyers Meza Michael Middleton Miles Miller Mills Miranda Mitchell Molina Monroe Montes
    Montgomery Montoya Moody Moon Mooney Moore Mora Morales Moran Moreno Morgan Morris Morrison
    Morrow Morse Morton Moses Mosley Moss Moyer Mueller Mullen Mullins Munoz Murillo Murphy
    Murray Myers Nash Navarro Neal Nelson Newman Newton Nguyen Nichols Nicholson Nielsen Nixon
    Noble Nolan Norman Norris Norton Novak Nunez Obrien Ochoa Oconnell Oconnor Odom Odonnell
    Oliver Olsen Olson Oneal Oneill Orozco Orr Ortega Ortiz Osborn Osborne Owen Owens Pace
    Pacheco Padilla Page Palmer Park Parker Parks Parrish Parsons Patel Patrick Patterson Patton
    Paul Payne Pearson Peck Pena Pennington Perez Perkins Perry Peters Petersen Peterson Petty
    Pham Phelps Phillips Pierce Pineda Pittman Pitts Pollard Ponce Poole Pope Porter Potter
    Potts Powell Powers Pratt Preston Price Prince Proctor Pruitt Pugh Quinn Ramirez Ramos
    Ramsey Randall Randolph Rangel Rasmussen Ray Raymond Reed Reese Reeves Reid Reilly Reyes
    Reynolds Rhodes Rice Rich Richard Richards Richardson Richmond Riddle Riggs Riley Rios
    Ritter Rivas Rivera Rivers Roach Robbins Roberson Roberts Robertson Robinson Robles Rocha
    Rodgers Rodriguez Rogers Rojas Rollins Roman Romero Rosales Rosario Rose Ross Roth Rowe
    Rowland Roy Rubio Ruiz Rush Russell Russo Ryan Salas Salazar Salinas Sampson Sanchez Sanders
    Sandoval Sanford Santana Santiago Santos Saunders Savage Sawyer Schaefer Schmidt Schmitt
    Schneider Schroeder Schultz Schwartz Scott Sellers Serrano Sexton Shaffer Shah Shannon Sharp
    Shaw Shea Shelton Shepard Shepherd Sheppard Sherman Shields Short Silva Simmons Simon
    Simpson Sims Singh Singleton Skinner Sloan Small Smith Snow Snyder Solis Solomon Sosa Soto
    Sparks Spears Spence Spencer Stafford Stanley Stanton Stark Steele Stein Stephens Stephenson
    Stevens Stevenson Stewart Stokes Stone Stout Strickland Strong Stuart Suarez Sullivan
    Summers Sutton Swanson Sweeney Tanner Tapia Tate Taylor Terrell Terry Thomas Thompson
    Thornton Todd Torres Townsend Tran Travis Trevino Trujillo Tucker Turner Tyler Underwood
    Valdez Valencia Valentine Valenzuela Vance Vang Vargas Vasquez Vaughan Vaughn Vazquez Vega
    Velasquez Velazquez Velez Villa Villanueva Villarreal Villegas Vincent Wade Wagner Walker
    Wall Wallace Waller Walls Walsh Walter Walters Walton Wang Ward Ware Warner Warren
    Washington Waters Watkins Watson Watts Weaver Webb Weber Webster Weeks Weiss Welch Wells
    Werner West Wheeler Whitaker White Whitehead Whitney Wiggins Wilcox Wiley Wilkerson Wilkins
    Wilkinson Williams Williamson Willis Wilson Winters Wise Wolf Wolfe Wong Wood Woodard Woods
    Woodward Wright Wu Wyatt Yang Yates Yoder York Young Yu Zamora Zavala Zhang Zimmerman Zuniga
"""

#: Common given names from other cultures (Hispanic, South Asian, East and South-East Asian,
#: West and East African, Arabic, Persian and Turkish, Irish), accented spellings included.
#: Short or word-like ones (Jun, Bo, Tao, Ping, Lan, Van ...) are left out on purpose.
_FIRST_WORLD = """
    Agustín Alba Alfonso Araceli Armando Beatriz Camila Consuelo Daniela Diego Dolores Emilio
    Enrique Ernesto Esteban Felipe Fernanda Gonzalo Graciela Guadalupe Guillermo Gustavo Héctor
    Ignacio Inés Jesús Joaquín José Julio Leticia Lupita María Maribel Mariana Marisol Martín
    Mauricio Óscar Paola Pilar Rafael Ramón Raquel Raúl Rocío Rodrigo Rogelio Rosa Salvador
    Valentina Ximena Aarav Aditya Ajay Amit Anil Anjali Arun Asha Deepa Divya Ganesh Gurpreet
    Harpreet Ishaan Jaspreet Kavita Kiran Manoj Manpreet Meena Neha Nikhil Pooja Prakash Rajiv
    Rakesh Ramesh Ravi Rekha Saanvi Sanjeev Simran Suresh Sunil Vijay Vikas Vivaan Akiko Akira
    Aiko Daisuke Haruka Haruto Kaito Kazuki Keiko Naoko Sakura Satoshi Shota Takashi Takeshi
    Yuki Yuko Yuto Haoran Jiayi Jing Ming Xiaoling Xiaoming Yifan Yuxuan Zhiwei Zihan Ji-woo
    Min-jun Seo-yeon Soo-jin Eun-ji Ji-hoon Hyun-woo Jae-won Anh Linh Minh Thanh Huong Phuong
    Thuy Tuan Khanh Adebayo Adeola Adewale Ayodele Babatunde Bolaji Chiamaka Chinedu Chukwuemeka
    Folake Funmilayo Ifeanyi Kehinde Nkechi Nnamdi Obinna Olumide Segun Taiwo Titilayo Tunde
    Uchenna Yetunde Abena Adwoa Akosua Efua Kofi Kojo Kwabena Kwaku Kwesi Abdoulaye Aminata
    Fatou Ibrahima Mamadou Mariama Moussa Ousmane Wanjiru Achieng Otieno Ahmed Ahmad Abdullah
    Abdulrahman Amina Amir Faisal Hassan Hussein Ismail Karim Khadija Khalid Layla Mahmoud
    Mariam Maryam Mohamed Mohammad Mustafa Nabil Noura Rashid Reem Salma Samir Samira Walid
    Youssef Zeinab Reza Mehdi Parisa Shirin Ayşe Emre Elif Murat Zeynep Aisling Caoimhe Cathal
    Cian Clodagh Colm Conor Darragh Deirdre Diarmuid Donal Eimear Eoin Eamon Eamonn Fergal
    Fionnuala Gráinne Grainne Liam Mairead Oisín Oisin Orla Pádraig Padraig Róisín Roisin Ronan
    Séamus Seamus Sinéad Sinead Tadhg
"""

_SURNAMES_WORLD = """
    García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Gómez Díaz Núñez
    Jiménez Álvarez Fernández Gutiérrez Muñoz Domínguez Vásquez Chávez Quispe Mamani Villalobos
    Sharma Gupta Kumar Reddy Rao Iyer Nair Menon Pillai Joshi Mehta Desai Chopra Kapoor Malhotra
    Agarwal Banerjee Chatterjee Mukherjee Bose Verma Mishra Pandey Tiwari Chaudhary Yadav Naidu
    Krishnan Srinivasan Subramanian Sandhu Dhillon Grewal Sidhu Tanaka Suzuki Sato Takahashi
    Watanabe Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Matsumoto Inoue Kimura
    Hayashi Shimizu Yamaguchi Zhou Zhu Guo Luo Gao Zheng Liang Xie Deng Zhao Jung Kang Yoon Jang
    Shin Hoang Phan Nguyễn Ngo Duong Goh Teo Chua Koh Aquino Adeyemi Okafor Okonkwo Okoye Eze
    Nwosu Obi Ogunleye Adeleke Olawale Afolabi Balogun Mensah Owusu Boateng Asante Osei Appiah
    Agyeman Diallo Traore Keita Coulibaly Ndiaye Diop Camara Toure Abiodun Okeke Onyango Kamau
    Mwangi Haddad Khoury Nasser Hamdan Saleh Aziz Rahman Hussain Hassan Ahmed Mahmoud Abdullah
    Farouk Mansour Qureshi Siddiqui Malik Chaudhry Iqbal Akhtar Raza Mirza Karimi Hosseini
    Ahmadi Rezaei Yilmaz Kaya Demir Sahin Celik Byrne Daly Dunne Kavanagh Whelan Keane Maguire
    Flanagan Dunphy Mulligan Brennan Quinlan Mccarthy
"""

#: Short forms missing from the census list.
_SHORT = (
    "Sam Hank Ben Liz Kate Dan Tom Bob Rob Jim Joe Ed Ted Al Nick Matt Pete Ron Ken Bea Meg Jen"
)

FIRST_NAMES: frozenset[str] = frozenset((_FIRST + _FIRST_WORLD + _SHORT).split())
SURNAMES: frozenset[str] = frozenset((_SURNAMES + _SURNAMES_WORLD).split())
